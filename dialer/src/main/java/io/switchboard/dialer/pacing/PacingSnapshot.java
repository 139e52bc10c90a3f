package io.switchboard.dialer.pacing;

import java.util.Collection;

/**
 * A read-only view of the campaign's current calls and agents, rebuilt from events. Valid only
 * during the {@link PacingPolicy#callsToStart} call it is passed to; same thread as the policy.
 */
public interface PacingSnapshot {

  /** One call not yet ended: its phase, when it was originated and when it entered the phase. */
  record CallView(String callId, CallPhase phase, double originatedAt, double phaseSince) {}

  /** One logged-in agent: its state and since when (epoch seconds). */
  record AgentView(String agentId, AgentState state, double since) {}

  /** Calls not yet ended, in origination order. */
  Collection<CallView> calls();

  /** Agents not logged out, in login order. */
  Collection<AgentView> agents();

  /** Agents in the given state. */
  int agentsIn(AgentState state);

  /** Calls in the given phase. */
  int callsIn(CallPhase phase);

  /** Calls not yet ended (lines in use). */
  default int callsInProgress() {
    return calls().size();
  }

  /** Calls originated but not yet bridged or ended (dialing, ringing, answered, queued). */
  default int callsNotBridged() {
    return calls().size() - callsIn(CallPhase.BRIDGED);
  }
}
