package io.switchboard.crm.security.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.redis.RedisDatabase;
import io.vertx.core.Future;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Runs one Redis command for the stores of this package and brings its reply back onto the caller's
 * context; Redis being unreachable becomes a failed future (503), never a thrown exception.
 */
final class RedisCalls {

  private RedisCalls() {}

  static <T> Future<T> run(
      RedisDatabase redis, Function<RedisAsyncCommands<String, String>, CompletionStage<T>> call) {
    try {
      return redis.call(call.apply(redis.commands()));
    } catch (SwitchboardException unreachable) {
      return Future.failedFuture(unreachable);
    }
  }
}
