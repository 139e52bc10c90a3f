package io.switchboard.crm.security.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.switchboard.core.redis.RedisDatabase;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The customer on each agent's active call, which that agent may see unmasked. One key per agent,
 * {@code <prefix>crm:active-call:<agent user id>}, holding the customer id in decimal, with a TTL
 * so that a clear lost in a crash does not unmask a customer forever. The live console sets it when
 * a call is offered or answered and clears it after wrap-up. Thread-safe; replies arrive on the
 * caller's context.
 */
public final class ActiveCallStore {

  /** The key's name after the prefix, without the agent id. */
  public static final String KEY_NAME = "crm:active-call:";

  /** Longest an active call is trusted without being set again. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(4);

  // KEYS: agent key. ARGV: customer id. Deletes only when the key still names that customer.
  private static final String CLEAR_IF =
      """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """;

  private final RedisDatabase redis;

  public ActiveCallStore(RedisDatabase redis) {
    this.redis = redis;
  }

  /**
   * Records that {@code agentUserId} is on a call with {@code customerId}, for at most {@code ttl}.
   */
  public Future<Void> set(long agentUserId, long customerId, Duration ttl) {
    return RedisCalls.run(
            redis,
            commands ->
                commands.set(
                    key(agentUserId),
                    Long.toString(customerId),
                    SetArgs.Builder.px(ttl.toMillis())))
        .mapEmpty();
  }

  /** The customer on the agent's active call, if any. */
  public Future<OptionalLong> get(long agentUserId) {
    return RedisCalls.run(redis, commands -> commands.get(key(agentUserId)))
        .map(value -> value == null ? OptionalLong.empty() : parse(value));
  }

  /** Forgets the agent's active call, whichever it is. */
  public Future<Void> clear(long agentUserId) {
    return RedisCalls.run(redis, commands -> commands.del(key(agentUserId))).mapEmpty();
  }

  /**
   * Forgets the agent's active call only when it is still with {@code customerId}, so that the late
   * wrap-up of one call cannot clear the next; true when it was cleared.
   */
  public Future<Boolean> clear(long agentUserId, long customerId) {
    String[] keys = {key(agentUserId)};
    return RedisCalls.<Long>run(
            redis,
            commands ->
                commands.eval(CLEAR_IF, ScriptOutputType.INTEGER, keys, Long.toString(customerId)))
        .map(deleted -> deleted > 0);
  }

  private String key(long agentUserId) {
    return redis.key(KEY_NAME + agentUserId);
  }

  private static OptionalLong parse(String value) {
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException notAnId) {
      // Written by something else: no active call, so numbers stay masked.
      return OptionalLong.empty();
    }
  }
}
