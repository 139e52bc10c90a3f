package io.switchboard.ami.tracker;

import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.HangupSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link TrackedCall} into what leaves the tracker: the lifecycle events of {@code
 * io.switchboard.core.call} and, when the call is over, its {@link CallRecord}. Stateless.
 */
final class CallRecordAssembler {

  private final String serverId;

  CallRecordAssembler(String serverId) {
    this.serverId = serverId;
  }

  CallCreated created(TrackedCall call) {
    TrackedChannel first = call.firstChannel();
    return new CallCreated(
        serverId,
        call.linkedId,
        call.callId,
        call.direction,
        call.callerNumber,
        call.callerName,
        call.dialledNumber,
        first == null ? "" : first.name,
        call.originateId,
        call.startedAt);
  }

  CallAnswered answered(TrackedCall call) {
    return new CallAnswered(
        serverId,
        call.linkedId,
        call.callId,
        call.direction,
        call.callerNumber,
        call.callerName,
        call.dialledNumber,
        call.queue,
        call.agentInterface,
        call.memberName,
        call.answeringChannel,
        call.originateId,
        call.answeredAt,
        waitMs(call, call.answeredAt, call.answeredAt));
  }

  /** The end of a call whose channels all joined {@code survivor}: no call log of its own. */
  CallEnded merged(TrackedCall call, TrackedCall survivor, Instant now) {
    CallRecord record = record(call, now);
    return new CallEnded(
        serverId,
        record.linkedId(),
        record.callId(),
        record.direction(),
        record.outcome(),
        record.hangupCause(),
        record.hangupBy(),
        record.callerNumber(),
        record.callerName(),
        record.dialledNumber(),
        record.queue(),
        record.agentInterface(),
        record.memberName(),
        record.originateId(),
        record.startedAt(),
        record.answeredAt(),
        record.endedAt(),
        record.waitMs(),
        record.talkMs(),
        record.holdMs(),
        record.recordingFile(),
        record.amdStatus(),
        record.reconciled(),
        survivor.callId);
  }

  /** The finished call; {@code now} is the end when no channel says otherwise. */
  CallRecord record(TrackedCall call, Instant now) {
    Instant ended = endOf(call, now);
    call.closeRingingOffers(OfferResult.CANCELLED, ended);
    TrackedChannel caller = call.callerLeg();
    if (call.answeredAt == null && answeredByThePbx(call) && caller.upAt != null) {
      call.answeredAt = caller.upAt;
    }
    CallOutcome outcome = OutcomeRules.decide(call);
    // An agent-first call is answered when the far party is connected, not when the agent's phone
    // (the originated channel) picked up: wait runs until then, talk from then.
    Instant answered = call.agentFirst() ? call.connectedAt : call.answeredAt;
    long holdMs = call.holdMs;
    long talkMs = answered == null ? 0 : Math.max(0, between(answered, ended) - holdMs);
    return new CallRecord(
        serverId,
        call.linkedId,
        call.callId,
        call.direction,
        outcome,
        call.callerNumber,
        call.callerName,
        call.dialledNumber,
        call.queue,
        call.queuedAt,
        call.queueLeftAt,
        call.agentInterface,
        call.memberName,
        call.originateId,
        call.originateReason,
        call.startedAt,
        answered,
        ended,
        waitMs(call, answered, ended),
        talkMs,
        answered == null ? 0 : holdMs,
        hangupCause(call),
        hangupSide(call),
        call.recordingFile,
        call.recorded || call.recordingFile != null,
        call.amdStatus,
        call.amdCause,
        call.reconciled,
        legs(call),
        offers(call),
        call.transfers == null ? List.of() : call.transfers);
  }

  /**
   * A call that neither dialled anyone nor queued, or an originated one, counts as answered when
   * its caller leg went up: the IVR answered it, or the called customer picked up.
   */
  private static boolean answeredByThePbx(TrackedCall call) {
    return call.callerLeg() != null && call.queuedAt == null && (call.originated || !call.dialled);
  }

  /** Time in queue, or ring time before the answer, or until {@code end} when unanswered. */
  private static long waitMs(TrackedCall call, Instant answered, Instant end) {
    if (call.queuedAt != null) {
      Instant left =
          call.connectedAt != null
              ? call.connectedAt
              : call.queueLeftAt != null ? call.queueLeftAt : end;
      return between(call.queuedAt, left);
    }
    Instant until = answered != null ? answered : end;
    return between(call.startedAt, until);
  }

  private static Instant endOf(TrackedCall call, Instant now) {
    Instant ended = null;
    for (TrackedChannel channel : call.channels) {
      if (channel.endedAt != null && (ended == null || channel.endedAt.isAfter(ended))) {
        ended = channel.endedAt;
      }
    }
    if (ended == null) {
      ended = now;
    }
    return ended.isBefore(call.startedAt) ? call.startedAt : ended;
  }

  private static Integer hangupCause(TrackedCall call) {
    TrackedChannel caller = call.callerLeg();
    if (caller != null && caller.hangupCause != null) {
      return caller.hangupCause;
    }
    return call.hangupCause;
  }

  private static HangupSide hangupSide(TrackedCall call) {
    if (call.hangupBy != null) {
      return call.hangupBy;
    }
    return call.reconciled ? null : HangupSide.SYSTEM;
  }

  private static List<CallLeg> legs(TrackedCall call) {
    List<CallLeg> legs = new ArrayList<>(call.channels.size());
    for (TrackedChannel channel : call.channels) {
      if (channel.placeholder) {
        continue;
      }
      legs.add(
          new CallLeg(
              channel.uniqueId,
              channel.name,
              channel.role,
              channel.rangAt,
              channel.answeredAt,
              channel.endedAt,
              channel.hangupCause));
    }
    return legs;
  }

  private static List<CallOffer> offers(TrackedCall call) {
    if (call.offers == null) {
      return List.of();
    }
    List<CallOffer> offers = new ArrayList<>(call.offers.size());
    for (AgentOffer offer : call.offers) {
      offers.add(offer.toRecord());
    }
    return offers;
  }

  static long between(Instant from, Instant to) {
    return Math.max(0, to.toEpochMilli() - from.toEpochMilli());
  }
}
