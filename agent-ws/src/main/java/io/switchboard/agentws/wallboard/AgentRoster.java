package io.switchboard.agentws.wallboard;

import io.switchboard.agentws.agent.AgentState;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The logged-in agents as the wallboard last heard of them, by user id and by interface, and how
 * many calls each took today. Bounded: at most {@code maxAgents} agents, and as many counts. Not
 * thread-safe: owned by the {@link WallboardCalculator}.
 */
final class AgentRoster {

  private final int maxAgents;
  private final Map<Long, AgentState> agents = new HashMap<>();
  private final Map<String, Long> byInterface = new HashMap<>();
  private final Map<Long, Long> callsToday = new HashMap<>();

  AgentRoster(int maxAgents) {
    this.maxAgents = maxAgents;
  }

  /** The agent's state, or null when not logged in. */
  AgentState get(long userId) {
    return agents.get(userId);
  }

  /** Keeps a logged-in agent's new state; false when it is new and the roster is full. */
  boolean keep(AgentState state) {
    AgentState before = agents.get(state.userId());
    if (before == null && agents.size() >= maxAgents) {
      return false;
    }
    if (before != null && before.agentInterface() != null) {
      byInterface.remove(before.agentInterface(), before.userId());
    }
    agents.put(state.userId(), state);
    if (state.agentInterface() != null) {
      byInterface.put(state.agentInterface(), state.userId());
    }
    return true;
  }

  /** Forgets a logged-out agent; returns its last state, or null when it was not kept. */
  AgentState forget(long userId) {
    AgentState before = agents.remove(userId);
    if (before != null && before.agentInterface() != null) {
      byInterface.remove(before.agentInterface(), userId);
    }
    return before;
  }

  /** The user id of the agent logged in at {@code agentInterface}, or null. */
  Long userAt(String agentInterface) {
    return agentInterface == null ? null : byInterface.get(agentInterface);
  }

  Collection<AgentState> all() {
    return agents.values();
  }

  List<Long> ids() {
    return List.copyOf(agents.keySet());
  }

  boolean isFull() {
    return agents.size() >= maxAgents;
  }

  /** Adds to the agent's calls today; false when it has none yet and the counts are full. */
  boolean countCalls(long userId, long count) {
    if (!callsToday.containsKey(userId) && callsToday.size() >= maxAgents) {
      return false;
    }
    callsToday.merge(userId, count, Long::sum);
    return true;
  }

  long callsToday(long userId) {
    return callsToday.getOrDefault(userId, 0L);
  }

  /** Midnight: every agent's count starts again. */
  void newDay() {
    callsToday.clear();
  }
}
