package io.switchboard.pbxsim.model;

import java.util.ArrayList;
import java.util.List;

/** A caller waiting in (or being connected from) a queue: {@code struct queue_ent}. */
public final class QueueEntry {

  final CallQueue queue;
  final Channel caller;
  final CallBehaviour behaviour;
  final long joinedMillis;
  final int originalPosition;
  int position;
  final List<RingAttempt> attempts = new ArrayList<>();
  SimScheduler.Timer ringTimer;
  SimScheduler.Timer retryTimer;
  SimScheduler.Timer patienceTimer;
  long ringStartedMillis;

  QueueEntry(
      CallQueue queue, Channel caller, CallBehaviour behaviour, long joinedMillis, int position) {
    this.queue = queue;
    this.caller = caller;
    this.behaviour = behaviour;
    this.joinedMillis = joinedMillis;
    this.position = position;
    this.originalPosition = position;
  }

  public Channel caller() {
    return caller;
  }

  public CallQueue queue() {
    return queue;
  }

  public int position() {
    return position;
  }

  void cancelTimers() {
    for (SimScheduler.Timer t : new SimScheduler.Timer[] {ringTimer, retryTimer, patienceTimer}) {
      if (t != null) {
        t.cancel();
      }
    }
    ringTimer = null;
    retryTimer = null;
    patienceTimer = null;
  }
}
