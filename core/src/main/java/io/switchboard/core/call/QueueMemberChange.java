package io.switchboard.core.call;

import java.util.Locale;

/** What happened to a queue member in a {@link QueueMemberChanged}. */
public enum QueueMemberChange {
  /** {@code QueueMemberAdded}. */
  ADDED,
  /** {@code QueueMemberRemoved}, or gone from the queue at a resync. */
  REMOVED,
  /** {@code QueueMemberPause} with {@code Paused: 1}. */
  PAUSED,
  /** {@code QueueMemberPause} with {@code Paused: 0}. */
  UNPAUSED,
  /** {@code QueueMemberStatus}, {@code QueueMemberPenalty}, {@code QueueMemberRinginuse}. */
  STATUS,
  /** The member as listed by {@code QueueStatus} after a (re)connect. */
  RESYNC;

  /** The lower-case name used in JSON. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The change for its {@link #wire()} name. */
  public static QueueMemberChange fromWire(String wire) {
    return WireNames.parse(QueueMemberChange.class, wire);
  }
}
