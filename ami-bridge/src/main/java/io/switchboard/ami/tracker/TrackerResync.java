package io.switchboard.ami.tracker;

import io.switchboard.ami.codec.AmiMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reconciles the tracker with the server's own view after a (re)connect (reference/ami-protocol.md
 * 1.5): channels the server lists and the tracker does not know are adopted, with their start
 * estimated from {@code Duration}; channels the tracker has and the server no longer lists ended
 * while the connection was down, and are closed at the moment it was lost. Calls touched either way
 * are marked reconciled. Queue members and waiting callers are rebuilt from {@code QueueStatus}.
 * Not thread-safe: owned by one {@link CallTracker}.
 */
final class TrackerResync {

  private final CallRegistry registry;
  private final CallAnswers answers;
  private final QueueRoster roster;

  TrackerResync(CallRegistry registry, CallAnswers answers, QueueRoster roster) {
    this.registry = registry;
    this.answers = answers;
    this.roster = roster;
  }

  void resync(
      List<AmiMessage> channels, List<AmiMessage> queueStatus, Instant lostAt, Instant now) {
    Set<String> listed = new HashSet<>();
    List<TrackedChannel> present = new ArrayList<>();
    for (AmiMessage item : channels) {
      TrackedChannel channel = adoptOrUpdate(item, now);
      if (channel != null) {
        listed.add(channel.uniqueId);
        present.add(channel);
      }
    }
    for (TrackedChannel channel : present) {
      TrackedCall call = channel.call;
      if (call.connectedAt == null && !channel.ended()) {
        answers.bridged(channel, now);
        call.reconciled |= call.connectedAt != null;
      }
    }
    for (TrackedChannel channel : registry.channels()) {
      if (!channel.ended() && !listed.contains(channel.uniqueId)) {
        channel.call.reconciled = true;
        registry.hangup(channel, null, lostAt.isBefore(channel.createdAt) ? now : lostAt);
      }
    }
    registry.expireAll(now);
    queues(queueStatus, lostAt, now);
  }

  private TrackedChannel adoptOrUpdate(AmiMessage item, Instant now) {
    ChannelSnapshot snapshot = ChannelSnapshot.read(item);
    if (snapshot == null) {
      return null;
    }
    TrackedChannel channel = registry.channel(snapshot.uniqueId());
    if (channel == null) {
      Instant created = now.minusSeconds(durationSeconds(item.get("Duration")));
      channel = registry.adopt(snapshot, created, now);
      if (channel == null) {
        return null;
      }
      channel.call.reconciled = true;
      if ("AppDial".equals(item.get("Application")) && channel.role == LegRole.OTHER) {
        // The outgoing side of a Dial: the dialled party.
        channel.role = channel.isParty() ? LegRole.AGENT : LegRole.OTHER;
        channel.call.dialled = true;
      }
    } else if (!channel.ended() && !snapshot.linkedId().equals(channel.linkedId)) {
      registry.relink(channel, snapshot.linkedId(), now);
    }
    if (!channel.ended()) {
      channel.state = snapshot.state();
      if (channel.isUp() && channel.upAt == null) {
        channel.upAt = now;
      }
      String bridge = item.get("BridgeId", "");
      channel.bridgeId = bridge.isEmpty() ? null : bridge;
    }
    return channel;
  }

  private void queues(List<AmiMessage> queueStatus, Instant lostAt, Instant now) {
    List<AmiMessage> members = new ArrayList<>();
    Set<String> waiting = new HashSet<>();
    for (AmiMessage item : queueStatus) {
      if (item.isEvent("QueueMember")) {
        members.add(item);
      } else if (item.isEvent("QueueEntry")) {
        waitingCaller(item, now, waiting);
      }
    }
    roster.resyncMembers(members, now);
    for (QueueCallerState caller : roster.callers()) {
      if (!waiting.contains(caller.uniqueId())) {
        TrackedChannel channel = registry.channel(caller.uniqueId());
        if (channel != null && channel.call.queueLeftAt == null) {
          channel.call.queueLeftAt = lostAt;
          channel.call.reconciled = true;
        }
      }
    }
    roster.resyncCallers(waiting, now);
  }

  private void waitingCaller(AmiMessage entry, Instant now, Set<String> waiting) {
    String uniqueId = entry.get("Uniqueid");
    String queue = entry.get("Queue");
    if (uniqueId == null || queue == null) {
      return;
    }
    waiting.add(uniqueId);
    TrackedChannel channel = registry.channel(uniqueId);
    if (channel == null || roster.waiting(uniqueId)) {
      return;
    }
    Instant joinedAt = now.minusSeconds(ChannelSnapshot.parseLong(entry.get("Wait"), 0));
    TrackedCall call = channel.call;
    if (call.queuedAt == null) {
      call.queue = queue;
      call.queuedAt = joinedAt.isBefore(call.startedAt) ? call.startedAt : joinedAt;
      call.reconciled = true;
    }
    roster.callerJoined(
        queue, channel, ChannelSnapshot.parseInt(entry.get("Position"), 0), joinedAt);
  }

  /** {@code Duration: HH:MM:SS} of {@code CoreShowChannel}, in seconds; 0 when unreadable. */
  static long durationSeconds(String duration) {
    if (duration == null || duration.isEmpty()) {
      return 0;
    }
    long seconds = 0;
    for (String part : duration.split(":")) {
      long value = ChannelSnapshot.parseLong(part, -1);
      if (value < 0) {
        return 0;
      }
      seconds = seconds * 60 + value;
    }
    return seconds;
  }
}
