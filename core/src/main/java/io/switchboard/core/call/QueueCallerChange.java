package io.switchboard.core.call;

import java.util.Locale;

/** What happened to a waiting caller in a {@link QueueCallerChanged}. */
public enum QueueCallerChange {
  /** {@code QueueCallerJoin}, or found waiting at a resync. */
  JOINED,
  /** {@code QueueCallerLeave} (answered, timed out or gone), or gone at a resync. */
  LEFT,
  /** {@code QueueCallerAbandon}: the caller hung up while waiting. */
  ABANDONED;

  /** The lower-case name used in JSON. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The change for its {@link #wire()} name. */
  public static QueueCallerChange fromWire(String wire) {
    return WireNames.parse(QueueCallerChange.class, wire);
  }
}
