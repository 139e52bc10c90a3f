package io.switchboard.ami.tracker;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.call.HangupSide;
import java.time.Instant;

/**
 * A call's way through a queue (reference/ami-protocol.md 1.8, 1.10): {@code QueueCallerJoin},
 * {@code QueueCallerAbandon}, {@code QueueCallerLeave} and the {@code Agent*} events that carry the
 * caller's channel plus the member's under {@code Dest}. Units differ: {@code AgentRingNoAnswer}
 * gives {@code RingTime} in milliseconds, {@code AgentConnect} in seconds. Not thread-safe: owned
 * by one {@link CallTracker}.
 */
final class QueueCallEvents {

  private final CallRegistry registry;
  private final CallAnswers answers;
  private final QueueRoster roster;

  QueueCallEvents(CallRegistry registry, CallAnswers answers, QueueRoster roster) {
    this.registry = registry;
    this.answers = answers;
    this.roster = roster;
  }

  void callerJoin(AmiMessage event, Instant now) {
    TrackedChannel caller = caller(event, now);
    String queue = event.get("Queue");
    if (caller == null || queue == null) {
      return;
    }
    TrackedCall call = caller.call;
    call.queue = queue;
    if (call.queuedAt == null) {
      call.queuedAt = now;
    }
    call.queueLeftAt = null;
    int position = ChannelSnapshot.parseInt(event.get("Position"), 0);
    registry.publish(
        new CallQueued(
            registry.serverId,
            call.linkedId,
            call.callId,
            queue,
            position,
            call.callerNumber,
            call.callerName,
            call.originateId,
            now));
    roster.callerJoined(queue, caller, position, now);
  }

  void callerAbandon(AmiMessage event, Instant now) {
    TrackedChannel caller = caller(event, now);
    if (caller == null) {
      return;
    }
    TrackedCall call = caller.call;
    call.abandoned = true;
    call.closeRingingOffers(OfferResult.CALLER_LEFT, now);
    roster.callerAbandoned(
        caller.uniqueId, ChannelSnapshot.parseInt(event.get("Position"), 0), now);
  }

  void callerLeave(AmiMessage event, Instant now) {
    TrackedChannel caller = caller(event, now);
    if (caller == null) {
      return;
    }
    caller.call.queueLeftAt = now;
    roster.callerLeft(caller.uniqueId, ChannelSnapshot.parseInt(event.get("Position"), 0), now);
  }

  void agentCalled(AmiMessage event, Instant now) {
    TrackedChannel caller = caller(event, now);
    ChannelSnapshot agentSnapshot = ChannelSnapshot.read(event, "Dest");
    if (caller == null || agentSnapshot == null) {
      return;
    }
    TrackedChannel agent = registry.touch(agentSnapshot, now);
    TrackedCall call = caller.call;
    String queue = event.get("Queue", call.queue);
    String memberName = event.get("MemberName", "");
    String agentInterface = event.get("Interface", "");
    if (agent != null && agent.role == LegRole.OTHER) {
      agent.role = LegRole.AGENT;
      agent.rangAt = now;
    }
    if (call.offers().size() < registry.limits.maxOffersPerCall()) {
      call.offers()
          .add(
              new AgentOffer(
                  queue,
                  memberName,
                  agentInterface,
                  agentSnapshot.uniqueId(),
                  agentSnapshot.channel(),
                  now));
    }
    registry.publish(
        new CallOffered(
            registry.serverId,
            call.linkedId,
            call.callId,
            queue,
            agentInterface,
            memberName,
            agentSnapshot.channel(),
            call.callerNumber,
            call.callerName,
            now));
  }

  void agentRingNoAnswer(AmiMessage event, Instant now) {
    AgentOffer offer = offer(event, now);
    if (offer != null) {
      long ringMs = ChannelSnapshot.parseLong(event.get("RingTime"), -1);
      offer.close(OfferResult.NO_ANSWER, ringMs < 0 ? null : ringMs, now);
    }
  }

  void agentDump(AmiMessage event, Instant now) {
    AgentOffer offer = offer(event, now);
    if (offer != null) {
      offer.close(OfferResult.REJECTED, null, now);
    }
  }

  void agentConnect(AmiMessage event, Instant now) {
    TrackedChannel caller = caller(event, now);
    if (caller == null) {
      return;
    }
    TrackedCall call = caller.call;
    ChannelSnapshot agentSnapshot = ChannelSnapshot.read(event, "Dest");
    TrackedChannel agent = agentSnapshot == null ? null : registry.touch(agentSnapshot, now);
    AgentOffer offer = agentSnapshot == null ? null : call.ringingOffer(agentSnapshot.uniqueId());
    if (offer != null) {
      long ringSeconds = ChannelSnapshot.parseLong(event.get("RingTime"), -1);
      offer.close(OfferResult.CONNECTED, ringSeconds < 0 ? null : ringSeconds * 1000, now);
    }
    call.closeRingingOffers(OfferResult.ANSWERED_ELSEWHERE, now);
    call.queue = event.get("Queue", call.queue);
    call.agentInterface = event.get("Interface", call.agentInterface);
    call.memberName = event.get("MemberName", call.memberName);
    if (call.queueLeftAt == null) {
      call.queueLeftAt = now;
    }
    answers.agentConnected(call, agent, now);
  }

  /**
   * {@code AgentComplete} comes before the hangups, and its {@code Reason} is wrong when the agent
   * ends a call with queue option {@code c} (asterisk/asterisk issue #393), so it only says who
   * hung up when no {@code HangupRequest} did.
   */
  void agentComplete(AmiMessage event, Instant now) {
    TrackedChannel caller = caller(event, now);
    if (caller == null || caller.call.hangupBy != null) {
      return;
    }
    switch (event.get("Reason", "")) {
      case "caller" -> caller.call.hangupBy = HangupSide.CALLER;
      case "agent" -> caller.call.hangupBy = HangupSide.AGENT;
      default -> {
        // "transfer": the call goes on; whoever hangs up later decides.
      }
    }
  }

  private AgentOffer offer(AmiMessage event, Instant now) {
    TrackedChannel caller = caller(event, now);
    String agentUniqueId = event.get("DestUniqueid");
    return caller == null || agentUniqueId == null ? null : caller.call.ringingOffer(agentUniqueId);
  }

  /** The waiting caller's channel (the event's own channel fields). */
  private TrackedChannel caller(AmiMessage event, Instant now) {
    ChannelSnapshot snapshot = ChannelSnapshot.read(event);
    return snapshot == null ? null : registry.touch(snapshot, now);
  }
}
