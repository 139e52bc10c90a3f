package io.switchboard.pbxsim.model;

/**
 * The clock and timers the call model runs on. The model never reads the system clock itself, so a
 * test can drive it with {@link ManualScheduler} and get the same events every run. Implementations
 * run every task on the model's single thread.
 */
public interface SimScheduler {

  /** Milliseconds since the epoch, as the model sees them. */
  long nowMillis();

  /** Runs {@code task} after {@code delayMillis} (0 = after the current work). */
  Timer schedule(long delayMillis, Runnable task);

  /** A scheduled task that can still be cancelled. */
  interface Timer {
    void cancel();
  }
}
