package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The call is over ({@value CallAddresses#CALL_ENDED}): its last channel hung up, or a resync after
 * a lost AMI connection found it gone. Its call log row is written next (once per call).
 *
 * @param serverId configured id of the Asterisk server
 * @param linkedId the call's Asterisk Linkedid when it ended (its key in {@code call_logs})
 * @param callId Switchboard's stable id of the call (see {@link CallCreated#callId()})
 * @param direction inbound, outbound or internal
 * @param outcome answered, abandoned, no_answer, busy, congestion, failed or machine
 * @param hangupCause Q.850 cause of the caller's channel hangup, or null when not seen
 * @param hangupBy who hung up first, or null when not known
 * @param callerNumber caller ID number, empty when unknown
 * @param callerName caller ID name, empty when unknown
 * @param dialledNumber the number or extension the call was placed to, empty when unknown
 * @param queue the (last) queue the call was in, or null
 * @param agentInterface interface of the queue member who answered, or null
 * @param memberName name of the queue member who answered, or null
 * @param originateId the originator's correlation id, or null
 * @param startedAt when the first channel appeared
 * @param answeredAt when a person answered, or null
 * @param endedAt when the last channel hung up (for reconciled calls: when the AMI connection was
 *     lost, the last moment the call was known alive)
 * @param waitMs time in queue (join to answer or leave), or ring time before the answer
 * @param talkMs time from the answer to the end, hold excluded
 * @param holdMs time on hold after the answer
 * @param recordingFile the MixMonitor file, or null
 * @param amdStatus {@code AMDSTATUS} of answering-machine detection (MACHINE, HUMAN, NOTSURE,
 *     HANGUP), or null
 * @param reconciled true when part of the call was not observed (lost connection, adopted at a
 *     resync) and its times are estimates
 * @param mergedIntoCallId set when all channels of this call joined another call (an attended
 *     transfer's consultation call): this call then has no call log of its own, its legs are in the
 *     other call's
 */
public record CallEnded(
    String serverId,
    String linkedId,
    String callId,
    CallDirection direction,
    CallOutcome outcome,
    Integer hangupCause,
    HangupSide hangupBy,
    String callerNumber,
    String callerName,
    String dialledNumber,
    String queue,
    String agentInterface,
    String memberName,
    String originateId,
    Instant startedAt,
    Instant answeredAt,
    Instant endedAt,
    long waitMs,
    long talkMs,
    long holdMs,
    String recordingFile,
    String amdStatus,
    boolean reconciled,
    String mergedIntoCallId)
    implements PbxEvent {

  @Override
  public String address() {
    return CallAddresses.CALL_ENDED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("serverId", serverId)
        .put("linkedId", linkedId)
        .put("callId", callId)
        .put("direction", direction.wire())
        .put("outcome", outcome.wire())
        .put("hangupCause", hangupCause)
        .put("hangupBy", hangupBy == null ? null : hangupBy.wire())
        .put("callerNumber", callerNumber)
        .put("callerName", callerName)
        .put("dialledNumber", dialledNumber)
        .put("queue", queue)
        .put("agentInterface", agentInterface)
        .put("memberName", memberName)
        .put("originateId", originateId)
        .put("startedAt", JsonFields.instant(startedAt))
        .put("answeredAt", JsonFields.instant(answeredAt))
        .put("endedAt", JsonFields.instant(endedAt))
        .put("waitMs", waitMs)
        .put("talkMs", talkMs)
        .put("holdMs", holdMs)
        .put("recordingFile", recordingFile)
        .put("amdStatus", amdStatus)
        .put("reconciled", reconciled)
        .put("mergedIntoCallId", mergedIntoCallId);
  }

  /** The event from its {@link #toJson()} form. */
  public static CallEnded fromJson(JsonObject json) {
    return new CallEnded(
        JsonFields.required(json, "serverId"),
        JsonFields.required(json, "linkedId"),
        JsonFields.required(json, "callId"),
        CallDirection.fromWire(JsonFields.required(json, "direction")),
        CallOutcome.fromWire(JsonFields.required(json, "outcome")),
        JsonFields.integer(json, "hangupCause"),
        HangupSide.fromWire(JsonFields.text(json, "hangupBy")),
        JsonFields.text(json, "callerNumber"),
        JsonFields.text(json, "callerName"),
        JsonFields.text(json, "dialledNumber"),
        JsonFields.text(json, "queue"),
        JsonFields.text(json, "agentInterface"),
        JsonFields.text(json, "memberName"),
        JsonFields.text(json, "originateId"),
        JsonFields.instant(json, "startedAt"),
        JsonFields.instant(json, "answeredAt"),
        JsonFields.instant(json, "endedAt"),
        JsonFields.count(json, "waitMs"),
        JsonFields.count(json, "talkMs"),
        JsonFields.count(json, "holdMs"),
        JsonFields.text(json, "recordingFile"),
        JsonFields.text(json, "amdStatus"),
        JsonFields.flag(json, "reconciled"),
        JsonFields.text(json, "mergedIntoCallId"));
  }
}
