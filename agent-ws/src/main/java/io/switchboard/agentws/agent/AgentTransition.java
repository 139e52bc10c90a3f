package io.switchboard.agentws.agent;

/**
 * One change of one agent's state. {@link #statusChanged()} tells a new row of {@code
 * agent_state_history} from a change of queues only. Immutable.
 */
public record AgentTransition(AgentState before, AgentState after) {

  /** True when the status or the pause reason changed (a new history row). */
  public boolean statusChanged() {
    return before.status() != after.status()
        || !java.util.Objects.equals(before.reason(), after.reason());
  }

  /** True when the agent leaves the call it rang, talked or wrapped up for. */
  public boolean callFinished() {
    return before.linkedId() != null && !before.linkedId().equals(after.linkedId());
  }
}
