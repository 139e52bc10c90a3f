package io.switchboard.agentws.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last messages pushed to one user, so that a reconnecting console gets what it missed: at most
 * {@code capacity} entries, none older than {@code windowMs}. Not thread-safe: its owner (the
 * {@link ConsoleSessions} context) alone touches it.
 */
final class ReplayBuffer {

  private final int capacity;
  private final long windowMs;
  private final ArrayDeque<PushedMessage> entries = new ArrayDeque<>();

  ReplayBuffer(int capacity, long windowMs) {
    this.capacity = capacity;
    this.windowMs = windowMs;
  }

  void add(PushedMessage message) {
    if (capacity == 0) {
      return;
    }
    entries.addLast(message);
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
    expire(message.pushedAtMs());
  }

  /**
   * The messages after {@code lastSeq} up to {@code currentSeq}, or null when the buffer no longer
   * holds all of them (they fell out, expired, or {@code lastSeq} is not of this stream).
   */
  List<PushedMessage> after(long lastSeq, long currentSeq, long nowMs) {
    expire(nowMs);
    if (lastSeq < 0 || lastSeq > currentSeq) {
      return null;
    }
    if (lastSeq == currentSeq) {
      return List.of();
    }
    PushedMessage oldest = entries.peekFirst();
    if (oldest == null || oldest.seq() > lastSeq + 1) {
      return null;
    }
    List<PushedMessage> missed = new ArrayList<>();
    for (PushedMessage entry : entries) {
      if (entry.seq() > lastSeq) {
        missed.add(entry);
      }
    }
    return missed;
  }

  int size() {
    return entries.size();
  }

  private void expire(long nowMs) {
    while (!entries.isEmpty() && entries.peekFirst().pushedAtMs() < nowMs - windowMs) {
      entries.removeFirst();
    }
  }
}
