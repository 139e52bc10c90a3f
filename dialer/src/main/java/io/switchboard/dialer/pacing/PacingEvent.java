package io.switchboard.dialer.pacing;

import java.time.Instant;

/**
 * A normalized dialer event, as the AMI bridge produces it (originate response, Newstate, AMD
 * result, queue entry, BridgeEnter, Hangup, agent pause and unpause). Immutable; safe to share.
 */
public sealed interface PacingEvent
    permits PacingEvent.CallOriginated,
        PacingEvent.CallRinging,
        PacingEvent.CallAnswered,
        PacingEvent.AmdResult,
        PacingEvent.CallQueued,
        PacingEvent.CallBridged,
        PacingEvent.CallEnded,
        PacingEvent.AgentStateChanged {

  /** When the event happened. */
  Instant at();

  /** Seconds since the epoch as a double, the unit the estimators work in. */
  static double seconds(Instant at) {
    return at.getEpochSecond() + at.getNano() * 1e-9;
  }

  /** The dialer started a call (the originate was accepted). */
  record CallOriginated(String callId, Instant at) implements PacingEvent {}

  /** The far end is ringing. */
  record CallRinging(String callId, Instant at) implements PacingEvent {}

  /** The far end picked up (a person or a machine; AMD may still be listening). */
  record CallAnswered(String callId, Instant at) implements PacingEvent {}

  /** Answering-machine detection decided: human calls go to agents, machines are released. */
  record AmdResult(String callId, boolean human, Instant at) implements PacingEvent {}

  /** The answered call waits for an agent; the abandon grace clock runs from here. */
  record CallQueued(String callId, Instant at) implements PacingEvent {}

  /** The call was connected to an agent. */
  record CallBridged(String callId, String agentId, Instant at) implements PacingEvent {}

  /** The call is over, with how it ended. */
  record CallEnded(String callId, CallOutcome outcome, Instant at) implements PacingEvent {}

  /** An agent changed state (logged in, ready, in a call, wrapping up, paused, logged out). */
  record AgentStateChanged(String agentId, AgentState state, Instant at) implements PacingEvent {}
}
