package io.switchboard.agentws.call;

import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.OriginateIds;
import java.time.Instant;

/** The AMI bridge's events of a click-to-dial (the agent's phone is the first leg), for tests. */
final class CallEvents {

  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private CallEvents() {}

  /** The agent's phone leg of dial {@code originateId} appeared; the Linkedid is its Uniqueid. */
  static CallCreated dialCreated(String originateId, String agentChannel) {
    String linkedId = OriginateIds.channelId(originateId);
    return new CallCreated(
        "pbx1",
        linkedId,
        "pbx1:" + linkedId,
        CallDirection.OUTBOUND,
        "",
        "",
        "+8613800138000",
        agentChannel,
        originateId,
        T0);
  }

  /** The agent's phone answered dial {@code originateId} (OriginateResponse reason 4). */
  static CallAnswered dialAnswered(String originateId) {
    String linkedId = OriginateIds.channelId(originateId);
    return new CallAnswered(
        "pbx1",
        linkedId,
        "pbx1:" + linkedId,
        CallDirection.OUTBOUND,
        "",
        "",
        "+8613800138000",
        null,
        null,
        null,
        null,
        originateId,
        T0,
        3_000);
  }

  /** Dial {@code originateId} ended with {@code outcome}. */
  static CallEnded dialEnded(String originateId, CallOutcome outcome) {
    String linkedId = OriginateIds.channelId(originateId);
    return ended(linkedId, outcome, null, originateId);
  }

  /** A call ended. */
  static CallEnded ended(
      String linkedId, CallOutcome outcome, String agentInterface, String originateId) {
    return new CallEnded(
        "pbx1",
        linkedId,
        "pbx1:" + linkedId,
        originateId == null ? CallDirection.INBOUND : CallDirection.OUTBOUND,
        outcome,
        16,
        null,
        "+8613800138000",
        "",
        "",
        agentInterface == null ? null : "sales",
        agentInterface,
        agentInterface == null ? null : "Agent",
        originateId,
        T0,
        outcome == CallOutcome.ANSWERED ? T0 : null,
        T0.plusSeconds(60),
        0,
        outcome == CallOutcome.ANSWERED ? 57_000 : 0,
        0,
        null,
        null,
        false,
        null);
  }

  /**
   * The {@code call.created} the AMI bridge publishes at a resync for a call it adopts: its first
   * listed channel, no originate id known to the tracker unless the channel's variables gave one.
   */
  static CallCreated adopted(String linkedId, String firstChannel, String originateId) {
    return new CallCreated(
        "pbx1",
        linkedId,
        "pbx1:" + linkedId,
        CallDirection.INTERNAL,
        "",
        "",
        "",
        firstChannel,
        originateId,
        T0);
  }

  /**
   * The {@code call.answered} the AMI bridge publishes at a resync for an adopted call whose two
   * parties share a bridge: no queue, no member, the answering channel being the party that was not
   * listed first.
   */
  static CallAnswered adoptedAnswered(
      String linkedId, String answeringChannel, String originateId) {
    return new CallAnswered(
        "pbx1",
        linkedId,
        "pbx1:" + linkedId,
        CallDirection.INTERNAL,
        "",
        "",
        "",
        null,
        null,
        null,
        answeringChannel,
        originateId,
        T0,
        0);
  }
}
