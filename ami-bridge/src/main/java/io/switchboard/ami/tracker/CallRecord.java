package io.switchboard.ami.tracker;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.HangupSide;
import java.time.Instant;
import java.util.List;

/**
 * A finished call as the call log stores it: one {@code call_logs} row with its legs, agent offers
 * and transfers. Produced once per call by the {@link CallTracker}; immutable.
 *
 * @param serverId configured id of the Asterisk server
 * @param linkedId the call's Linkedid when it ended; with the server id, the row's unique key
 * @param callId Switchboard's stable id of the call ({@code <serverId>:<first Linkedid>})
 * @param direction inbound, outbound or internal
 * @param outcome how the call ended
 * @param callerNumber caller ID number, empty when unknown
 * @param callerName caller ID name, empty when unknown
 * @param dialledNumber the number or extension called, empty when unknown
 * @param queue the last queue the call was in, or null
 * @param queuedAt when the call first entered a queue, or null
 * @param queueLeftAt when it last left a queue, or null
 * @param agentInterface interface of the queue member who took the call, or null
 * @param memberName name of that member, or null
 * @param originateId the originator's correlation id, or null
 * @param originateReason the {@code OriginateResponse} reason (0, 1, 3, 4, 5, 8), or null
 * @param startedAt when the first channel appeared
 * @param answeredAt when a person answered, or null
 * @param endedAt when the last channel hung up
 * @param waitMs time in queue, or ring time before the answer, or until the end when unanswered
 * @param talkMs time from the answer to the end, hold excluded
 * @param holdMs time on hold after the answer
 * @param hangupCause Q.850 cause of the caller leg's Hangup, or null
 * @param hangupBy who hung up first, or null when not seen
 * @param recordingFile the MixMonitor recording, or null
 * @param recorded whether a recording ran: a file was named, or {@code MixMonitorStart} was seen
 * @param amdStatus {@code AMDSTATUS}, or null
 * @param amdCause {@code AMDCAUSE}, or null
 * @param reconciled true when part of the call was not observed and its times are estimates
 * @param legs every channel of the call, in the order they appeared
 * @param offers every agent a queue rang, in order
 * @param transfers every transfer, in order
 */
public record CallRecord(
    String serverId,
    String linkedId,
    String callId,
    CallDirection direction,
    CallOutcome outcome,
    String callerNumber,
    String callerName,
    String dialledNumber,
    String queue,
    Instant queuedAt,
    Instant queueLeftAt,
    String agentInterface,
    String memberName,
    String originateId,
    Integer originateReason,
    Instant startedAt,
    Instant answeredAt,
    Instant endedAt,
    long waitMs,
    long talkMs,
    long holdMs,
    Integer hangupCause,
    HangupSide hangupBy,
    String recordingFile,
    boolean recorded,
    String amdStatus,
    String amdCause,
    boolean reconciled,
    List<CallLeg> legs,
    List<CallOffer> offers,
    List<CallTransfer> transfers) {

  public CallRecord {
    legs = List.copyOf(legs);
    offers = List.copyOf(offers);
    transfers = List.copyOf(transfers);
  }

  /** The {@code call.ended} event that announces this record. */
  public CallEnded toEndedEvent() {
    return new CallEnded(
        serverId,
        linkedId,
        callId,
        direction,
        outcome,
        hangupCause,
        hangupBy,
        callerNumber,
        callerName,
        dialledNumber,
        queue,
        agentInterface,
        memberName,
        originateId,
        startedAt,
        answeredAt,
        endedAt,
        waitMs,
        talkMs,
        holdMs,
        recordingFile,
        amdStatus,
        reconciled,
        null);
  }
}
