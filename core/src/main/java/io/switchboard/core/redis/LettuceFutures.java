package io.switchboard.core.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.CompletionStage;

/**
 * The one bridge from Lettuce's {@link CompletionStage}s, completed on Lettuce's own threads, back
 * onto the caller's Vert.x context, so that callbacks run where the caller's state lives.
 */
final class LettuceFutures {

  private LettuceFutures() {}

  static <T> Future<T> onContext(CompletionStage<T> stage, Context context) {
    Promise<T> promise = Promise.promise();
    stage.whenComplete(
        (value, error) ->
            context.runOnContext(
                ignored -> {
                  if (error == null) {
                    promise.complete(value);
                  } else {
                    promise.fail(error);
                  }
                }));
    return promise.future();
  }
}
