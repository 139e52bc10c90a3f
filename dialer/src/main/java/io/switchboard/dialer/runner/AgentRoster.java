package io.switchboard.dialer.runner;

import io.switchboard.dialer.pacing.AgentState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The logged-in agents as agent-ws reports them ({@code agent.state.changed} data, {@code
 * agent.state.query} answers): state, queues and interface per user id. Bounded by {@code
 * maxAgents}: a new agent beyond it is ignored. Not thread-safe: the runner's context only.
 */
final class AgentRoster {

  /** One agent as last reported. */
  record Agent(long userId, AgentState state, List<String> queues, String agentInterface) {

    boolean serves(String queue) {
      return state != AgentState.LOGGED_OUT && queues.contains(queue);
    }
  }

  private final Map<Long, Agent> agents = new HashMap<>();
  private final Map<String, Long> byInterface = new HashMap<>();
  private final int maxAgents;

  AgentRoster(int maxAgents) {
    this.maxAgents = maxAgents;
  }

  /**
   * Applies one agent state JSON; returns {before, after} (before may be null), or null when the
   * JSON is not an agent state or the roster is full.
   */
  Agent[] apply(JsonObject state) {
    Long userId = state.getLong("userId");
    AgentState mapped = map(state.getString("state"));
    if (userId == null || mapped == null) {
      return null;
    }
    Agent before = agents.get(userId);
    if (before == null && agents.size() >= maxAgents) {
      return null;
    }
    JsonArray queues = state.getJsonArray("queues", new JsonArray());
    Agent after =
        new Agent(
            userId,
            mapped,
            queues.stream().map(String::valueOf).toList(),
            state.getString("interface"));
    if (before != null && before.agentInterface() != null) {
      byInterface.remove(before.agentInterface());
    }
    if (mapped == AgentState.LOGGED_OUT) {
      agents.remove(userId);
    } else {
      agents.put(userId, after);
      if (after.agentInterface() != null) {
        byInterface.put(after.agentInterface(), userId);
      }
    }
    return new Agent[] {before, after};
  }

  /** The user whose interface answered a call, or null. */
  Long userOf(String agentInterface) {
    return agentInterface == null ? null : byInterface.get(agentInterface);
  }

  /** The agent of a user, or null when it is not logged in. */
  Agent agent(long userId) {
    return agents.get(userId);
  }

  /** The logged-in agents that match. */
  List<Agent> matching(java.util.function.Predicate<Agent> filter) {
    return agents.values().stream().filter(filter).toList();
  }

  /** Agents logged in to a queue. */
  List<Agent> servingQueue(String queue) {
    return agents.values().stream().filter(agent -> agent.serves(queue)).toList();
  }

  /** agent-ws's state names as the pacer sees them; a ringing agent is as good as busy. */
  static AgentState map(String wire) {
    if (wire == null) {
      return null;
    }
    return switch (wire) {
      case "ready" -> AgentState.READY;
      case "paused" -> AgentState.PAUSED;
      case "ringing", "on_call" -> AgentState.IN_CALL;
      case "wrap_up" -> AgentState.WRAP_UP;
      case "logged_out" -> AgentState.LOGGED_OUT;
      default -> null;
    };
  }
}
