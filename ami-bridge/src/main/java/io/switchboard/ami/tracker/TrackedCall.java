package io.switchboard.ami.tracker;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.HangupSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One call: the channels that share (or shared) a Linkedid, and what the tracker learnt about it.
 * Mutable; touched only by the owning tracker. Fields are plain so that a call costs little memory:
 * the lists are created on first use.
 */
final class TrackedCall {

  final String callId;
  final Instant startedAt;

  /** The Linkedid the call is logged under: the one its channels carry now. */
  String linkedId;

  /** Every key (Linkedid) under which the registry finds this call. */
  final List<String> keys = new ArrayList<>(2);

  final List<TrackedChannel> channels = new ArrayList<>(4);
  int liveChannels;

  CallDirection direction = CallDirection.INTERNAL;
  boolean originated;
  String originateId;
  Integer originateReason;
  String callerNumber = "";
  String callerName = "";
  String dialledNumber = "";

  String queue;
  Instant queuedAt;
  Instant queueLeftAt;
  boolean abandoned;
  List<AgentOffer> offers;
  String agentInterface;
  String memberName;

  /** When a person answered: the agent, the dialled party, or the originated call's customer. */
  Instant answeredAt;

  /** When an agent or dialled party was connected (not a customer answering an originate). */
  Instant connectedAt;

  String answeringChannel;
  boolean answerAnnounced;
  boolean agentAnnounced;
  String lastDialStatus;
  boolean dialled;

  /**
   * An originated call whose channel, once answered, dialled a far party itself (not through a
   * queue): the agent-first dials (preview, click-to-dial). Its outcome and answer are the far
   * party's.
   */
  boolean dialledOut;

  long holdMs;

  /** Channels on hold now; both sides of one hold (Hold and MusicOnHoldStart) count once. */
  int heldChannels;

  Instant holdSince;
  List<CallTransfer> transfers;
  String recordingFile;
  boolean recorded;
  String amdStatus;
  String amdCause;

  Integer hangupCause;
  HangupSide hangupBy;
  String mergedFromCallId;
  boolean reconciled;
  Instant lingerUntil;

  TrackedCall(String callId, String linkedId, Instant startedAt) {
    this.callId = callId;
    this.linkedId = linkedId;
    this.startedAt = startedAt;
    keys.add(linkedId);
  }

  TrackedChannel firstChannel() {
    return channels.isEmpty() ? null : channels.get(0);
  }

  /** The leg that stands for the caller (or the called customer), or null. */
  TrackedChannel callerLeg() {
    for (TrackedChannel channel : channels) {
      if (channel.role == LegRole.CALLER) {
        return channel;
      }
    }
    return null;
  }

  /** An agent-first call: originated, dialled out, never queued. */
  boolean agentFirst() {
    return dialledOut && queuedAt == null;
  }

  boolean inQueue() {
    return queuedAt != null && queueLeftAt == null;
  }

  List<AgentOffer> offers() {
    if (offers == null) {
      offers = new ArrayList<>(2);
    }
    return offers;
  }

  List<CallTransfer> transfers() {
    if (transfers == null) {
      transfers = new ArrayList<>(1);
    }
    return transfers;
  }

  void holdStarted(Instant now) {
    if (heldChannels++ == 0) {
      holdSince = now;
    }
  }

  void holdEnded(Instant now) {
    if (heldChannels > 0 && --heldChannels == 0) {
      holdMs += Math.max(0, now.toEpochMilli() - holdSince.toEpochMilli());
      holdSince = null;
    }
  }

  /** The newest offer still ringing on this agent channel, or null. */
  AgentOffer ringingOffer(String agentUniqueId) {
    if (offers == null) {
      return null;
    }
    for (int i = offers.size() - 1; i >= 0; i--) {
      AgentOffer offer = offers.get(i);
      if (offer.ringing() && offer.agentUniqueId.equals(agentUniqueId)) {
        return offer;
      }
    }
    return null;
  }

  /** Closes every offer still ringing. */
  void closeRingingOffers(OfferResult result, Instant now) {
    if (offers == null) {
      return;
    }
    for (AgentOffer offer : offers) {
      if (offer.ringing()) {
        offer.close(result, null, now);
      }
    }
  }
}
