package io.switchboard.dialer.pacing;

import io.switchboard.dialer.pacing.PacingEvent.AgentStateChanged;
import io.switchboard.dialer.pacing.PacingEvent.CallAnswered;
import io.switchboard.dialer.pacing.PacingEvent.CallBridged;
import io.switchboard.dialer.pacing.PacingEvent.CallEnded;
import io.switchboard.dialer.pacing.PacingEvent.CallOriginated;
import io.switchboard.dialer.pacing.PacingEvent.CallQueued;
import io.switchboard.dialer.pacing.PacingEvent.CallRinging;
import java.time.Instant;

/** Builds a campaign state by hand, as events fed to a tracker and a policy. */
final class HandMadeState {
  static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  final PacingTracker tracker = new PacingTracker();
  final PacingPolicy policy;

  HandMadeState(PacingPolicy policy) {
    this.policy = policy;
  }

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  HandMadeState emit(PacingEvent event) {
    tracker.on(event);
    policy.on(event);
    return this;
  }

  HandMadeState agent(String id, AgentState state, double since) {
    return emit(new AgentStateChanged(id, state, at(since)));
  }

  HandMadeState ringing(String callId, double originated, double ringing) {
    emit(new CallOriginated(callId, at(originated)));
    return emit(new CallRinging(callId, at(ringing)));
  }

  /** A whole call that reached an agent: dial, ring, answer, queue, bridge, talk, end. */
  HandMadeState conversation(String callId, String agent, double start, double talk) {
    ringing(callId, start, start + 3);
    emit(new CallAnswered(callId, at(start + 12)));
    emit(new CallQueued(callId, at(start + 14)));
    emit(new CallBridged(callId, agent, at(start + 14)));
    agent(agent, AgentState.IN_CALL, start + 14);
    emit(new CallEnded(callId, CallOutcome.COMPLETED, at(start + 14 + talk)));
    agent(agent, AgentState.WRAP_UP, start + 14 + talk);
    return agent(agent, AgentState.READY, start + 44 + talk);
  }

  /** A dial nobody answered. */
  HandMadeState unanswered(String callId, double start) {
    ringing(callId, start, start + 3);
    return emit(new CallEnded(callId, CallOutcome.NO_ANSWER, at(start + 23)));
  }

  int decide(double now) {
    return policy.callsToStart(tracker, at(now));
  }
}
