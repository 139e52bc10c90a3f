package io.switchboard.agentws.testbus;

import io.switchboard.core.redis.RedisDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Waits until a freshly opened {@link RedisDatabase} has connected (it connects in the background).
 */
public final class RedisReady {

  private RedisReady() {}

  /** Succeeds once Redis answers PING, trying up to {@code attempts} times 50 ms apart. */
  public static Future<Void> connected(Vertx vertx, RedisDatabase redis, int attempts) {
    return redis
        .healthCheck()
        .check()
        .recover(
            notYet -> {
              if (attempts <= 1) {
                return Future.failedFuture(notYet);
              }
              Promise<Void> retried = Promise.promise();
              vertx.setTimer(50, tick -> connected(vertx, redis, attempts - 1).onComplete(retried));
              return retried.future();
            });
  }
}
