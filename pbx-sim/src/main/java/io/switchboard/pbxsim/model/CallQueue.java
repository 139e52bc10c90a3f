package io.switchboard.pbxsim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One queue: its settings, members in configuration order, waiting callers in position order, and
 * statistics.
 */
public final class CallQueue {

  final String name;
  final QueueStrategy strategy;
  final int timeoutSeconds;
  final int retrySeconds;
  final int wrapupSeconds;
  final int serviceLevelSeconds;
  final List<QueueMember> members = new ArrayList<>();
  final List<QueueEntry> entries = new ArrayList<>();
  int completed;
  int abandoned;
  int completedInServiceLevel;
  int abandonedInServiceLevel;
  int holdtime;
  int talktime;
  int rrpos;

  /** Last published {@code Queue:<name>_avail} device state; null before the first. */
  Boolean availPublished;

  CallQueue(
      String name,
      QueueStrategy strategy,
      int timeoutSeconds,
      int retrySeconds,
      int wrapupSeconds,
      int serviceLevelSeconds) {
    this.name = name;
    this.strategy = strategy;
    this.timeoutSeconds = timeoutSeconds;
    this.retrySeconds = retrySeconds;
    this.wrapupSeconds = wrapupSeconds;
    this.serviceLevelSeconds = serviceLevelSeconds;
  }

  public String name() {
    return name;
  }

  public List<QueueMember> members() {
    return members;
  }

  public List<QueueEntry> entries() {
    return entries;
  }

  public int completed() {
    return completed;
  }

  public int abandoned() {
    return abandoned;
  }

  QueueMember member(String iface) {
    for (QueueMember m : members) {
      if (m.iface.equalsIgnoreCase(iface)) {
        return m;
      }
    }
    return null;
  }

  /** {@code recalc_holdtime}: exponential average with coefficient 1/4. */
  void recordHoldtime(int seconds) {
    holdtime = (((holdtime << 2) - holdtime) + seconds) >> 2;
  }

  void recordTalktime(int seconds) {
    talktime = (((talktime << 2) - talktime) + seconds) >> 2;
  }

  void renumber() {
    for (int i = 0; i < entries.size(); i++) {
      entries.get(i).position = i + 1;
    }
  }
}
