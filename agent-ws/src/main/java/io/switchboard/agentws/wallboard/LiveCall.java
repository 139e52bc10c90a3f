package io.switchboard.agentws.wallboard;

import java.time.Instant;

/**
 * One call in progress as the wallboard follows it, keyed by its stable call id. Mutable; owned by
 * the {@link WallboardCalculator}.
 */
final class LiveCall {

  final String serverId;
  final String callId;
  String linkedId;
  String queue;
  String callerNumber;
  CallState state = CallState.NEW;
  Instant since;
  String agentInterface;

  /** Its answer from a queue was counted already (a call is answered once per day's counters). */
  boolean answerCounted;

  LiveCall(String serverId, String callId, String linkedId, String callerNumber, Instant since) {
    this.serverId = serverId;
    this.callId = callId;
    this.linkedId = linkedId;
    this.callerNumber = callerNumber == null ? "" : callerNumber;
    this.since = since;
  }

  boolean listed() {
    return state != CallState.NEW;
  }
}
