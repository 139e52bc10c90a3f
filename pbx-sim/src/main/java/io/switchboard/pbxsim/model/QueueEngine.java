package io.switchboard.pbxsim.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code Queue()} as {@code apps/app_queue.c} runs it, event for event (reference 1.8, 1.10): join,
 * ring members by strategy, ring timeout with AgentRingNoAnswer and retry, answer with
 * QueueCallerLeave before AgentConnect, abandon with QueueCallerAbandon then QueueCallerLeave.
 * Owned by the model's thread.
 */
final class QueueEngine {

  private final PbxModel model;
  private final PbxCore core;

  QueueEngine(PbxModel model) {
    this.model = model;
    this.core = model.core();
  }

  void join(Channel caller, CallQueue q, CallBehaviour behaviour) {
    QueueEntry entry = new QueueEntry(q, caller, behaviour, core.now(), q.entries.size() + 1);
    q.entries.add(entry);
    core.emit(
        QueueEvents.caller("QueueCallerJoin", caller, q)
            .with("Position", Integer.toString(entry.position))
            .with("Count", Integer.toString(q.entries.size())));
    core.mohStart(caller);
    if (behaviour.patienceMillis() != null) {
      entry.patienceTimer =
          core.scheduler().schedule(behaviour.patienceMillis(), () -> abandon(entry, false, 16));
    }
    tryRing(q);
  }

  /** The waiting entry of a caller channel, or null. */
  QueueEntry entryOf(Channel caller) {
    for (CallQueue q : model.queues()) {
      for (QueueEntry e : q.entries) {
        if (e.caller == caller) {
          return e;
        }
      }
    }
    return null;
  }

  /** Rings members for every waiting caller that is not ringing or waiting to retry. */
  void tryRing(CallQueue q) {
    for (QueueEntry entry : new ArrayList<>(q.entries)) {
      if (!entry.attempts.isEmpty() || entry.retryTimer != null || !q.entries.contains(entry)) {
        continue;
      }
      for (QueueMember m : choose(q)) {
        ring(entry, m);
      }
      if (!entry.attempts.isEmpty()) {
        entry.ringStartedMillis = core.now();
        entry.ringTimer =
            core.scheduler().schedule(q.timeoutSeconds * 1000L, () -> ringTimeout(entry));
      }
    }
  }

  void tryRingAll() {
    model.queues().forEach(this::tryRing);
  }

  private List<QueueMember> choose(CallQueue q) {
    long now = core.now();
    List<QueueMember> available = new ArrayList<>();
    for (QueueMember m : q.members) {
      if (m.available(now)) {
        available.add(m);
      }
    }
    if (available.isEmpty()) {
      return List.of();
    }
    int best = available.stream().mapToInt(m -> m.penalty).min().orElse(0);
    available.removeIf(m -> m.penalty != best);
    return switch (q.strategy) {
      case RINGALL -> available;
      case LEASTRECENT ->
          List.of(
              available.stream()
                  .min(Comparator.comparingLong((QueueMember m) -> m.lastCallSeconds))
                  .orElseThrow());
      case RRMEMORY -> {
        QueueMember pick = available.get(0);
        for (QueueMember m : available) {
          if (q.members.indexOf(m) >= q.rrpos) {
            pick = m;
            break;
          }
        }
        yield List.of(pick);
      }
    };
  }

  private void ring(QueueEntry entry, QueueMember m) {
    Channel caller = entry.caller;
    Channel ch = model.request(m.iface, caller, null, null);
    if (ch == null) {
      return;
    }
    RingAttempt attempt = new RingAttempt(entry, m, ch, core.now());
    entry.attempts.add(attempt);
    m.device.ringing = attempt;
    // ring_entry: the member sees the caller's extension as caller id and the caller as connected
    // line.
    core.setCallerId(ch, caller.exten, null);
    core.setConnectedLine(ch, caller.callerNum, caller.callerName);
    core.emit(QueueEvents.agent("AgentCalled", caller, ch, entry.queue, m));
    core.dialBegin(caller, ch, m.iface.substring(m.iface.indexOf('/') + 1));
    if (ch.localPartner != null) {
      model.talk().localDial(ch, m.device.stateInterface, attempt);
    }
    core.setState(ch, ChannelState.RINGING);
    core.dialState(caller, ch, "RINGING");
    setDeviceStatus(m.device, Device.RINGING);
    Long answerAfter = entry.behaviour.answerAfterMillis();
    if (answerAfter != null) {
      attempt.answerTimer = core.scheduler().schedule(answerAfter, () -> answer(attempt));
    }
  }

  void answer(RingAttempt attempt) {
    QueueEntry entry = attempt.entry;
    if (!entry.attempts.contains(attempt)) {
      return;
    }
    CallQueue q = entry.queue;
    Channel caller = entry.caller;
    model.talk().answerLocalLeg(attempt);
    core.setState(attempt.channel, ChannelState.UP);
    core.dialEnd(caller, attempt.channel, "ANSWER");
    for (RingAttempt other : new ArrayList<>(entry.attempts)) {
      if (other != attempt) {
        cancel(other, "CANCEL", 26);
      }
    }
    attempt.cancel();
    entry.attempts.clear();
    entry.cancelTimers();
    core.mohStop(caller);
    leave(entry);
    long holdSeconds = (core.now() - entry.joinedMillis) / 1000;
    core.emit(
        QueueEvents.agent("AgentConnect", caller, attempt.channel, q, attempt.member)
            .with("HoldTime", Long.toString(holdSeconds))
            .with("RingTime", Long.toString((core.now() - attempt.startedMillis) / 1000)));
    q.recordHoldtime((int) holdSeconds);
    Device d = attempt.member.device;
    d.ringing = null;
    d.inCall = true;
    setDeviceStatus(d, Device.INUSE);
    if (q.strategy == QueueStrategy.RRMEMORY) {
      q.rrpos = q.members.indexOf(attempt.member) + 1;
    }
    model.talk().connectQueueCall(entry, attempt);
    tryRing(q);
  }

  /** Ends one ringing attempt (another member answered, the caller left, or time ran out). */
  void cancel(RingAttempt attempt, String dialStatus, int cause) {
    attempt.cancel();
    attempt.entry.attempts.remove(attempt);
    Channel caller = attempt.entry.caller;
    core.dialEnd(caller, attempt.channel, dialStatus);
    model.talk().dropLocalLeg(attempt, dialStatus, cause);
    core.hangup(attempt.channel, cause);
    Device d = attempt.member.device;
    if (d.ringing == attempt) {
      d.ringing = null;
    }
    setDeviceStatus(d, Device.NOT_INUSE);
  }

  private void ringTimeout(QueueEntry entry) {
    entry.ringTimer = null;
    CallQueue q = entry.queue;
    List<RingAttempt> ringing = new ArrayList<>(entry.attempts);
    for (RingAttempt a : ringing) {
      // rna(): RingTime is in milliseconds here, unlike AgentConnect (reference 1.8).
      core.emit(
          QueueEvents.agent("AgentRingNoAnswer", entry.caller, a.channel, q, a.member)
              .with("RingTime", Long.toString(core.now() - a.startedMillis)));
    }
    for (RingAttempt a : ringing) {
      cancel(a, "NOANSWER", 16);
      if (q.strategy == QueueStrategy.RRMEMORY) {
        q.rrpos = q.members.indexOf(a.member) + 1;
      }
    }
    entry.retryTimer =
        core.scheduler()
            .schedule(
                q.retrySeconds * 1000L,
                () -> {
                  entry.retryTimer = null;
                  tryRing(q);
                });
    tryRing(q);
  }

  /** The caller hangs up while waiting or ringing. */
  void abandon(QueueEntry entry, boolean soft, int cause) {
    CallQueue q = entry.queue;
    if (!q.entries.contains(entry)) {
      return;
    }
    Channel caller = entry.caller;
    if (soft) {
      core.softHangupRequest(caller, cause);
    } else {
      core.hangupRequest(caller);
    }
    for (RingAttempt a : new ArrayList<>(entry.attempts)) {
      cancel(a, "CANCEL", 16);
    }
    entry.cancelTimers();
    long held = (core.now() - entry.joinedMillis) / 1000;
    core.emit(
        QueueEvents.caller("QueueCallerAbandon", caller, q)
            .with("Position", Integer.toString(entry.position))
            .with("OriginalPosition", Integer.toString(entry.originalPosition))
            .with("HoldTime", Long.toString(held)));
    leave(entry);
    q.abandoned++;
    if (held <= q.serviceLevelSeconds) {
      q.abandonedInServiceLevel++;
    }
    core.mohStop(caller);
    core.hangup(caller, cause);
    tryRing(q);
  }

  /** The caller is redirected out of Queue(): ringing stops and it leaves without abandoning. */
  void leaveForRedirect(QueueEntry entry) {
    for (RingAttempt a : new ArrayList<>(entry.attempts)) {
      cancel(a, "CANCEL", 16);
    }
    entry.cancelTimers();
    core.mohStop(entry.caller);
    leave(entry);
    tryRing(entry.queue);
  }

  /** leave_queue: QueueCallerLeave with the position held and the count after leaving. */
  private void leave(QueueEntry entry) {
    CallQueue q = entry.queue;
    q.entries.remove(entry);
    core.emit(
        QueueEvents.caller("QueueCallerLeave", entry.caller, q)
            .with("Position", Integer.toString(entry.position))
            .with("Count", Integer.toString(q.entries.size())));
    q.renumber();
  }

  /** A device's state changed: QueueMemberStatus in every queue it is a member of. */
  void setDeviceStatus(Device d, int status) {
    d.status = status;
    for (Map.Entry<CallQueue, QueueMember> mm : model.membershipsOf(d)) {
      core.emit(QueueEvents.member("QueueMemberStatus", mm.getKey(), mm.getValue()));
    }
  }

  /** Publishes {@code Queue:<name>_avail} when whether anyone can take a call changed. */
  void updateAvail(CallQueue q) {
    boolean avail = q.members.stream().anyMatch(m -> m.available(core.now()));
    if (q.availPublished == null || q.availPublished != avail) {
      q.availPublished = avail;
      core.emit(
          QueueEvents.deviceState("Queue:" + q.name + "_avail", avail ? "NOT_INUSE" : "INUSE"));
    }
  }
}
