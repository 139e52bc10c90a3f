package io.switchboard.ami.tracker;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.PbxEvent;
import io.switchboard.core.call.QueueCallerChange;
import io.switchboard.core.call.QueueCallerChanged;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.call.QueueMemberChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members and waiting callers of every queue on one server, from the {@code QueueMember*} and
 * {@code QueueCaller*} events and rebuilt from {@code QueueStatus} at each resync. Each change is
 * published as {@code queue.member.changed} or {@code queue.caller.changed}. Bounded; not
 * thread-safe: owned by one {@link CallTracker}.
 */
final class QueueRoster {

  private static final Logger LOG = LoggerFactory.getLogger(QueueRoster.class);

  private final String serverId;
  private final int maxMembers;
  private final int maxCallers;
  private final Consumer<PbxEvent> publisher;
  private final Consumer<String> refusals;
  private final Map<String, QueueMemberState> members = new LinkedHashMap<>();
  private final Map<String, QueueCallerState> callers = new LinkedHashMap<>();

  QueueRoster(
      String serverId,
      int maxMembers,
      int maxCallers,
      Consumer<PbxEvent> publisher,
      Consumer<String> refusals) {
    this.serverId = serverId;
    this.maxMembers = maxMembers;
    this.maxCallers = maxCallers;
    this.publisher = publisher;
    this.refusals = refusals;
  }

  List<QueueMemberState> members() {
    return List.copyOf(members.values());
  }

  List<QueueCallerState> callers() {
    return List.copyOf(callers.values());
  }

  /**
   * A {@code QueueMemberAdded/Status/Pause/Penalty/Ringinuse} event, or a {@code QueueMember} list
   * item of {@code QueueStatus} (which says {@code Name} and {@code Location}).
   */
  void memberChanged(AmiMessage event, QueueMemberChange change, Instant now) {
    String queue = event.get("Queue");
    String memberInterface = event.get("Interface", event.get("Location"));
    if (queue == null || memberInterface == null) {
      return;
    }
    String key = queue + '\u0000' + memberInterface;
    if (!members.containsKey(key) && members.size() >= maxMembers) {
      refusals.accept("queue_members");
      LOG.error(
          "AMI server {}: {} queue members tracked, the limit; member {} of queue {} is ignored",
          serverId,
          maxMembers,
          memberInterface,
          queue);
      return;
    }
    boolean paused = "1".equals(event.get("Paused"));
    QueueMemberState state =
        new QueueMemberState(
            queue,
            event.get("MemberName", event.get("Name", "")),
            memberInterface,
            event.get("StateInterface", ""),
            ChannelSnapshot.parseInt(event.get("Status"), 0),
            paused,
            paused ? pauseReason(event) : "",
            "1".equals(event.get("InCall")),
            ChannelSnapshot.parseInt(event.get("CallsTaken"), 0),
            ChannelSnapshot.parseInt(event.get("Penalty"), 0),
            now);
    members.put(key, state);
    QueueMemberChange reported = change;
    if (change == QueueMemberChange.PAUSED && !paused) {
      reported = QueueMemberChange.UNPAUSED;
    }
    publisher.accept(memberEvent(state, reported));
  }

  private static String pauseReason(AmiMessage event) {
    String reason = event.get("PausedReason", "");
    if (reason.isEmpty()) {
      reason = event.get("Reason", "");
    }
    return "<nil>".equals(reason) ? "" : reason;
  }

  void memberRemoved(AmiMessage event, Instant now) {
    String queue = event.get("Queue");
    String memberInterface = event.get("Interface", event.get("Location"));
    if (queue == null || memberInterface == null) {
      return;
    }
    QueueMemberState gone = members.remove(queue + '\u0000' + memberInterface);
    if (gone != null) {
      publisher.accept(memberEvent(withTime(gone, now), QueueMemberChange.REMOVED));
    }
  }

  /** After a resync: every listed member is re-announced, members no longer listed are removed. */
  void resyncMembers(List<AmiMessage> listed, Instant now) {
    Set<String> seen = new HashSet<>();
    for (AmiMessage member : listed) {
      memberChanged(member, QueueMemberChange.RESYNC, now);
      seen.add(member.get("Queue") + '\u0000' + member.get("Location", member.get("Interface")));
    }
    for (String key : new ArrayList<>(members.keySet())) {
      if (!seen.contains(key)) {
        QueueMemberState gone = members.remove(key);
        publisher.accept(memberEvent(withTime(gone, now), QueueMemberChange.REMOVED));
      }
    }
  }

  void callerJoined(String queue, TrackedChannel channel, int position, Instant joinedAt) {
    if (!callers.containsKey(channel.uniqueId) && callers.size() >= maxCallers) {
      refusals.accept("queue_callers");
      LOG.error(
          "AMI server {}: {} waiting callers tracked, the limit; {} in queue {} is not listed",
          serverId,
          maxCallers,
          channel.name,
          queue);
      return;
    }
    QueueCallerState state =
        new QueueCallerState(
            queue,
            channel.uniqueId,
            channel.linkedId,
            channel.call.callId,
            channel.name,
            channel.callerNumber,
            channel.callerName,
            position,
            joinedAt);
    callers.put(channel.uniqueId, state);
    publisher.accept(callerEvent(state, QueueCallerChange.JOINED, position, joinedAt, joinedAt));
  }

  /** Announces an abandon; the caller stays listed until its {@code QueueCallerLeave}. */
  void callerAbandoned(String uniqueId, int position, Instant now) {
    QueueCallerState state = callers.get(uniqueId);
    if (state != null) {
      publisher.accept(
          callerEvent(state, QueueCallerChange.ABANDONED, position, state.joinedAt(), now));
    }
  }

  void callerLeft(String uniqueId, int position, Instant now) {
    QueueCallerState state = callers.remove(uniqueId);
    if (state != null) {
      publisher.accept(callerEvent(state, QueueCallerChange.LEFT, position, state.joinedAt(), now));
    }
  }

  /** A channel's call ended: if it still waited in a queue (a lost leave), it left. */
  void channelGone(TrackedChannel channel, Instant at) {
    QueueCallerState state = callers.get(channel.uniqueId);
    if (state != null) {
      callerLeft(channel.uniqueId, state.position(), at);
    }
  }

  /** After a resync: callers no longer listed left; listed ones not known joined. */
  void resyncCallers(Set<String> listedUniqueIds, Instant now) {
    for (QueueCallerState state : new ArrayList<>(callers.values())) {
      if (!listedUniqueIds.contains(state.uniqueId())) {
        callerLeft(state.uniqueId(), state.position(), now);
      }
    }
  }

  boolean waiting(String uniqueId) {
    return callers.containsKey(uniqueId);
  }

  private QueueMemberChanged memberEvent(QueueMemberState state, QueueMemberChange change) {
    return new QueueMemberChanged(
        serverId,
        state.queue(),
        state.memberName(),
        state.memberInterface(),
        state.stateInterface(),
        change,
        state.status(),
        state.paused(),
        state.pausedReason(),
        state.inCall(),
        state.callsTaken(),
        state.penalty(),
        state.updatedAt());
  }

  private QueueCallerChanged callerEvent(
      QueueCallerState state, QueueCallerChange change, int position, Instant from, Instant at) {
    return new QueueCallerChanged(
        serverId,
        state.queue(),
        state.linkedId(),
        state.callId(),
        state.uniqueId(),
        state.channel(),
        state.callerNumber(),
        state.callerName(),
        position,
        change,
        CallRecordAssembler.between(from, at),
        at);
  }

  private static QueueMemberState withTime(QueueMemberState state, Instant now) {
    return new QueueMemberState(
        state.queue(),
        state.memberName(),
        state.memberInterface(),
        state.stateInterface(),
        state.status(),
        state.paused(),
        state.pausedReason(),
        state.inCall(),
        state.callsTaken(),
        state.penalty(),
        now);
  }
}
