package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The list actions a client resyncs from after a reconnect (reference 1.5, 1.6): {@code
 * CoreShowChannels}, {@code QueueStatus} and {@code QueueSummary}, with the item layouts of {@code
 * action_coreshowchannels} and {@code manager_queues_status} / {@code manager_queues_summary}
 * (Asterisk 18). Items carry no {@code Privilege}, as Asterisk writes them straight to the session.
 * Reads only the live model, so the lists are exactly what the events described. Stateless.
 */
final class ListActions {

  private final PbxModel model;

  ListActions(PbxModel model) {
    this.model = model;
  }

  void coreShowChannels(AmiMessage action, Consumer<AmiMessage> reply) {
    String id = Replies.actionId(action);
    reply.accept(Replies.listAck(action, "Channels will follow"));
    int count = 0;
    long now = model.core().now();
    for (Channel c : model.channels()) {
      AmiMessage.Builder item = AmiMessage.event("CoreShowChannel");
      if (id != null) {
        item.with("ActionID", id);
      }
      AmiEvents.snapshot(item, "", c)
          .with("BridgeId", c.bridge == null ? "" : c.bridge.uniqueid())
          .with("Application", c.application)
          .with("ApplicationData", c.applicationData)
          .with("Duration", duration((now - c.createdMillis()) / 1000));
      reply.accept(item.build());
      count++;
    }
    reply.accept(Replies.listComplete(action, "CoreShowChannelsComplete", count));
  }

  private static String duration(long seconds) {
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
  }

  void queueStatus(AmiMessage action, Consumer<AmiMessage> reply) {
    String id = Replies.actionId(action);
    String queueFilter = Replies.header(action, "Queue");
    String memberFilter = Replies.header(action, "Member");
    reply.accept(Replies.listAck(action, "Queue status will follow"));
    int items = 0;
    long now = model.core().now();
    for (CallQueue q : model.queues()) {
      if (!queueFilter.isEmpty() && !q.name.equalsIgnoreCase(queueFilter)) {
        continue;
      }
      reply.accept(withId(queueParams(q), id).build());
      items++;
      for (QueueMember m : q.members) {
        if (memberFilter.isEmpty()
            || m.iface.equals(memberFilter)
            || m.memberName.equals(memberFilter)) {
          reply.accept(withId(queueMember(q, m), id).build());
          items++;
        }
      }
      for (QueueEntry e : q.entries) {
        Channel c = e.caller;
        reply.accept(
            withId(
                    AmiMessage.event("QueueEntry")
                        .with("Queue", q.name)
                        .with("Position", Integer.toString(e.position))
                        .with("Channel", c.name())
                        .with("Uniqueid", c.uniqueid())
                        .with("CallerIDNum", unknownAsWord(c.callerNum))
                        .with("CallerIDName", unknownAsWord(c.callerName))
                        .with("ConnectedLineNum", unknownAsWord(c.connectedNum))
                        .with("ConnectedLineName", unknownAsWord(c.connectedName))
                        .with("Wait", Long.toString((now - e.joinedMillis) / 1000)),
                    id)
                .build());
        items++;
      }
    }
    reply.accept(Replies.listComplete(action, "QueueStatusComplete", items));
  }

  /** QueueEntry prints {@code unknown} (no brackets) for a missing caller id. */
  private static String unknownAsWord(String value) {
    return Channel.UNKNOWN.equals(value) ? "unknown" : value;
  }

  private static AmiMessage.Builder withId(AmiMessage.Builder b, String id) {
    return id == null ? b : b.with("ActionID", id);
  }

  private static AmiMessage.Builder queueParams(CallQueue q) {
    double sl = q.completed > 0 ? 100.0 * q.completedInServiceLevel / q.completed : 0;
    int answeredOrAbandoned = q.completed + q.abandoned;
    double sl2 =
        answeredOrAbandoned > 0
            ? 100.0 * (q.abandonedInServiceLevel + q.completedInServiceLevel) / answeredOrAbandoned
            : 0;
    return AmiMessage.event("QueueParams")
        .with("Queue", q.name)
        .with("Max", "0")
        .with("Strategy", q.strategy.wireName())
        .with("Calls", Integer.toString(q.entries.size()))
        .with("Holdtime", Integer.toString(q.holdtime))
        .with("TalkTime", Integer.toString(q.talktime))
        .with("Completed", Integer.toString(q.completed))
        .with("Abandoned", Integer.toString(q.abandoned))
        .with("ServiceLevel", Integer.toString(q.serviceLevelSeconds))
        .with("ServicelevelPerf", String.format(Locale.ROOT, "%2.1f", sl))
        .with("ServicelevelPerf2", String.format(Locale.ROOT, "%2.1f", sl2))
        .with("Weight", "0");
  }

  private static AmiMessage.Builder queueMember(CallQueue q, QueueMember m) {
    return AmiMessage.event("QueueMember")
        .with("Queue", q.name)
        .with("Name", m.memberName)
        .with("Location", m.iface)
        .with("StateInterface", m.device.stateInterface)
        .with("Membership", m.dynamic ? "dynamic" : "static")
        .with("Penalty", Integer.toString(m.penalty))
        .with("CallsTaken", Integer.toString(m.callsTaken))
        .with("LastCall", Long.toString(m.lastCallSeconds))
        .with("LastPause", Long.toString(m.lastPauseSeconds))
        .with("LoginTime", Long.toString(m.loginTimeSeconds))
        .with("InCall", m.device.inCall ? "1" : "0")
        .with("Status", Integer.toString(m.device.status))
        .with("Paused", m.paused ? "1" : "0")
        .with("PausedReason", m.pausedReason)
        .with("Wrapuptime", Integer.toString(q.wrapupSeconds));
  }

  void queueSummary(AmiMessage action, Consumer<AmiMessage> reply) {
    String id = Replies.actionId(action);
    String queueFilter = Replies.header(action, "Queue");
    reply.accept(Replies.listAck(action, "Queue summary will follow"));
    int count = 0;
    long now = model.core().now();
    for (CallQueue q : model.queues()) {
      if (!queueFilter.isEmpty() && !q.name.equalsIgnoreCase(queueFilter)) {
        continue;
      }
      int loggedIn = 0;
      int available = 0;
      for (QueueMember m : q.members) {
        loggedIn++;
        if (!m.paused
            && (m.device.status == Device.NOT_INUSE || m.device.status == Device.UNKNOWN)) {
          available++;
        }
      }
      long longest = 0;
      for (QueueEntry e : q.entries) {
        longest = Math.max(longest, (now - e.joinedMillis) / 1000);
      }
      reply.accept(
          withId(
                  AmiMessage.event("QueueSummary")
                      .with("Queue", q.name)
                      .with("LoggedIn", Integer.toString(loggedIn))
                      .with("Available", Integer.toString(available))
                      .with("Callers", Integer.toString(q.entries.size()))
                      .with("HoldTime", Integer.toString(q.holdtime))
                      .with("TalkTime", Integer.toString(q.talktime))
                      .with("LongestHoldTime", Long.toString(longest)),
                  id)
              .build());
      count++;
    }
    reply.accept(Replies.listComplete(action, "QueueSummaryComplete", count));
  }
}
