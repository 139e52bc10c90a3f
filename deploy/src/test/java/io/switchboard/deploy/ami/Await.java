package io.switchboard.deploy.ami;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Blocking waits for the test thread (never an event loop): a future's result, or a condition that
 * becomes true. A wait that runs out fails the test with what it waited for.
 */
public final class Await {

  /** Longest wait for one future; a step of the simulation takes milliseconds. */
  public static final Duration FUTURE_TIMEOUT = Duration.ofSeconds(20);

  private static final long POLL_MILLIS = 20;

  private Await() {}

  public static <T> T result(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(FUTURE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      throw new AssertionError("the future failed: " + failed.getCause(), failed.getCause());
    } catch (TimeoutException late) {
      throw new AssertionError("the future did not complete within " + FUTURE_TIMEOUT, late);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + timeout + ": " + what);
      }
      pause(POLL_MILLIS);
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }
}
