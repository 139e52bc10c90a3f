package io.switchboard.ami.tracker;

import java.time.Instant;

/**
 * One channel the tracker follows, keyed by its Uniqueid, belonging to exactly one {@link
 * TrackedCall}. Stays in its call (as a leg) after it hangs up. Mutable; touched only by the owning
 * tracker.
 */
final class TrackedChannel {

  final String uniqueId;
  final String name;
  final boolean local;
  final boolean trunk;
  final Instant createdAt;
  String linkedId;
  TrackedCall call;
  LegRole role = LegRole.OTHER;
  int state = -1;
  String callerNumber = "";
  String callerName = "";
  Instant rangAt;
  Instant upAt;
  Instant answeredAt;
  Instant endedAt;
  Integer hangupCause;
  boolean held;
  String bridgeId;
  boolean transferer;

  /** Stands for a channel Asterisk never created (a failed originate); not logged as a leg. */
  boolean placeholder;

  TrackedChannel(ChannelSnapshot snapshot, boolean trunk, Instant createdAt) {
    this.uniqueId = snapshot.uniqueId();
    this.name = snapshot.channel();
    this.local = name.startsWith("Local/");
    this.trunk = trunk;
    this.createdAt = createdAt;
    this.linkedId = snapshot.linkedId();
    this.state = snapshot.state();
    this.callerNumber = snapshot.callerNumber();
    this.callerName = snapshot.callerName();
  }

  boolean isUp() {
    return state == ChannelSnapshot.STATE_UP;
  }

  boolean ended() {
    return endedAt != null;
  }

  /** A channel that stands for a person: not a Local half. */
  boolean isParty() {
    return !local;
  }

  /** Starts a hold on this channel; a call is on hold while any of its channels is. */
  void startHold(Instant now) {
    if (!held) {
      held = true;
      call.holdStarted(now);
    }
  }

  /** Ends a hold on this channel, if one is in progress. */
  void endHold(Instant now) {
    if (held) {
      held = false;
      call.holdEnded(now);
    }
  }
}
