package io.switchboard.dialer.pacing;

/** How an outbound call ended, as far as the dialer can tell. */
public enum CallOutcome {
  /** Busy, congestion, SIT tone or an invalid number. */
  FAILED,
  /** Nobody answered before the ring limit. */
  NO_ANSWER,
  /** AMD classed the answer as a machine and the dialer released it. */
  MACHINE,
  /** A person was ready but no agent took the call within the grace period. */
  ABANDONED,
  /** An agent talked to the person and the call ended. */
  COMPLETED,
  /** AMD passed a machine to an agent, who coded it as a machine. */
  AGENT_CODED_MACHINE
}
