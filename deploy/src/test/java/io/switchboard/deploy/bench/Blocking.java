package io.switchboard.deploy.bench;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Waits on the main thread for a Vert.x future (never call it on an event loop). */
final class Blocking {

  private Blocking() {}

  static <T> T await(Future<T> future, int seconds) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
