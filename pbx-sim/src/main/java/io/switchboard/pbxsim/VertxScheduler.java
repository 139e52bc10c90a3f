package io.switchboard.pbxsim;

import io.switchboard.pbxsim.model.SimScheduler;
import io.vertx.core.Context;

/**
 * Real time for the call model: Vert.x timers on the simulator's context, wall-clock milliseconds.
 * Tasks run on that context, the model's only thread.
 */
final class VertxScheduler implements SimScheduler {

  private final Context context;

  VertxScheduler(Context context) {
    this.context = context;
  }

  @Override
  public long nowMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public Timer schedule(long delayMillis, Runnable task) {
    if (delayMillis <= 0) {
      boolean[] cancelled = {false};
      context.runOnContext(
          v -> {
            if (!cancelled[0]) {
              task.run();
            }
          });
      return () -> cancelled[0] = true;
    }
    long id = context.owner().setTimer(delayMillis, t -> task.run());
    return () -> context.owner().cancelTimer(id);
  }
}
