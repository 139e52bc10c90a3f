package io.switchboard.agentws.redis;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.redis.RedisDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every agent's current state, so that it survives a browser reload and a server restart: one Redis
 * hash {@code <prefix>agent:states}, field = user id, value = the state's JSON. One hash rather
 * than a key per agent so that a starting node reads all of them with one {@code HGETALL} instead
 * of a {@code SCAN}. Thread-safe; replies arrive on the caller's context.
 */
public final class AgentStateStore {

  /** The hash's name after the prefix. */
  public static final String KEY_NAME = "agent:states";

  private static final Logger LOG = LoggerFactory.getLogger(AgentStateStore.class);

  private final RedisDatabase redis;

  public AgentStateStore(RedisDatabase redis) {
    this.redis = redis;
  }

  /** Keeps {@code state} as the agent's current state. */
  public Future<Void> save(AgentState state) {
    try {
      return redis
          .call(
              redis.commands().hset(key(), Long.toString(state.userId()), state.toJson().encode()))
          .mapEmpty();
    } catch (SwitchboardException unreachable) {
      return Future.failedFuture(unreachable);
    }
  }

  /** Every kept state; a value that cannot be read is logged and skipped, never fatal. */
  public Future<List<AgentState>> loadAll() {
    try {
      return redis.call(redis.commands().hgetall(key())).map(AgentStateStore::parse);
    } catch (SwitchboardException unreachable) {
      return Future.failedFuture(unreachable);
    }
  }

  private static List<AgentState> parse(Map<String, String> fields) {
    List<AgentState> states = new ArrayList<>(fields.size());
    for (Map.Entry<String, String> field : fields.entrySet()) {
      try {
        states.add(AgentState.fromJson(new JsonObject(field.getValue())));
      } catch (RuntimeException unreadable) {
        LOG.error(
            "Skipping the unreadable agent state of user {}: {} ({})",
            field.getKey(),
            field.getValue(),
            unreadable.getMessage());
      }
    }
    return states;
  }

  private String key() {
    return redis.key(KEY_NAME);
  }
}
