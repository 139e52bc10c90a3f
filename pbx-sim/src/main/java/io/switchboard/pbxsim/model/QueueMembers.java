package io.switchboard.pbxsim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Member administration as {@code QueueAdd}, {@code QueueRemove}, {@code QueuePause} and {@code
 * QueuePenalty} do it ({@code apps/app_queue.c}), with their events: QueueMemberAdded / Removed /
 * Pause / Penalty, and for a pause the {@code Queue:<q>_pause_<iface>} and {@code Queue:<q>_avail}
 * DeviceStateChange events the 13.x capture shows first. Owned by the model's thread.
 */
public final class QueueMembers {

  /** {@code add_to_queue} / {@code remove_from_queue} results. */
  public enum Result {
    OKAY,
    EXISTS,
    NO_SUCH_QUEUE,
    NOT_DYNAMIC
  }

  private final PbxModel model;
  private final PbxCore core;

  public QueueMembers(PbxModel model) {
    this.model = model;
    this.core = model.core();
  }

  public Result add(
      String queueName,
      String iface,
      String memberName,
      int penalty,
      boolean paused,
      String stateInterface) {
    CallQueue q = model.queue(queueName);
    if (q == null) {
      return Result.NO_SUCH_QUEUE;
    }
    if (q.member(iface) != null) {
      return Result.EXISTS;
    }
    Device d = model.device(PbxModel.orDefault(stateInterface, PbxModel.stateOf(iface)));
    QueueMember m = new QueueMember(iface, PbxModel.orDefault(memberName, iface), d, true, penalty);
    m.paused = paused;
    m.loginTimeSeconds = core.now() / 1000;
    q.members.add(m);
    core.emit(QueueEvents.member("QueueMemberAdded", q, m));
    model.queueEngine().updateAvail(q);
    model.queueEngine().tryRing(q);
    return Result.OKAY;
  }

  public Result remove(String queueName, String iface) {
    CallQueue q = model.queue(queueName);
    if (q == null) {
      return Result.NO_SUCH_QUEUE;
    }
    QueueMember m = q.member(iface);
    if (m == null) {
      return Result.EXISTS;
    }
    if (!m.dynamic) {
      return Result.NOT_DYNAMIC;
    }
    q.members.remove(m);
    core.emit(QueueEvents.member("QueueMemberRemoved", q, m));
    model.queueEngine().updateAvail(q);
    return Result.OKAY;
  }

  /** {@code set_member_paused}; {@code queueName} empty = every queue. False when not found. */
  public boolean pause(String queueName, String iface, boolean paused, String reason) {
    List<CallQueue> targets = targets(queueName);
    boolean found = false;
    for (CallQueue q : targets) {
      QueueMember m = q.member(iface);
      if (m == null) {
        continue;
      }
      found = true;
      m.paused = paused;
      m.pausedReason = paused && reason != null ? reason : "";
      if (paused) {
        m.lastPauseSeconds = core.now() / 1000;
      }
      core.emit(
          QueueEvents.deviceState(
              "Queue:" + q.name + "_pause_" + m.iface, paused ? "INUSE" : "NOT_INUSE"));
      model.queueEngine().updateAvail(q);
      core.emit(
          QueueEvents.member("QueueMemberPause", q, m)
              .with("Reason", reason == null ? "" : reason));
    }
    if (found) {
      targets.forEach(model.queueEngine()::tryRing);
    }
    return found;
  }

  /** Whether {@link #pause} would find the interface (so the reply can precede the events). */
  public boolean pauseWouldFind(String queueName, String iface) {
    return targets(queueName).stream().anyMatch(q -> q.member(iface) != null);
  }

  /** {@code set_member_value(MEMBER_PENALTY)}; false when the interface is not found. */
  public boolean penalty(String queueName, String iface, int penalty) {
    if (penalty < 0) {
      return false;
    }
    boolean found = false;
    for (CallQueue q : targets(queueName)) {
      QueueMember m = q.member(iface);
      if (m != null) {
        found = true;
        m.penalty = penalty;
        core.emit(QueueEvents.member("QueueMemberPenalty", q, m));
      }
    }
    return found;
  }

  private List<CallQueue> targets(String queueName) {
    List<CallQueue> out = new ArrayList<>();
    if (queueName == null || queueName.isEmpty()) {
      out.addAll(model.queues());
    } else if (model.queue(queueName) != null) {
      out.add(model.queue(queueName));
    }
    return out;
  }
}
