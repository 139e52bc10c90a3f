package io.switchboard.ami.testpeer;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/**
 * Runs test code on one event-loop context, as the AMI connection and client require: everything
 * that touches them must happen on the context that owns them.
 */
public final class OnContext {

  private final Context context;

  public OnContext(Context context) {
    this.context = context;
  }

  /** Calls {@code work} on the context; the returned future completes with its result. */
  public <T> Future<T> call(Supplier<Future<T>> work) {
    Promise<T> result = Promise.promise();
    context.runOnContext(
        ignored -> {
          try {
            work.get().onComplete(result);
          } catch (RuntimeException thrown) {
            result.fail(thrown);
          }
        });
    return result.future();
  }

  /** Runs {@code work} on the context. */
  public void run(Runnable work) {
    context.runOnContext(ignored -> work.run());
  }
}
