package io.switchboard.dialer.compliance;

import java.time.Duration;
import java.util.Locale;

/**
 * The re-call locks of Ofcom's persistent-misuse policy: a number whose call was abandoned is not
 * called again for 72 h, and one AMD classed as a machine not within 24 h, unless an agent is
 * guaranteed (reference section 1.2).
 */
public enum RecallLockKind {
  ABANDONED(Duration.ofHours(72), SkipReason.RECALL_LOCK_ABANDONED),
  AMD_MACHINE(Duration.ofHours(24), SkipReason.RECALL_LOCK_MACHINE);

  private final Duration length;
  private final SkipReason reason;

  RecallLockKind(Duration length, SkipReason reason) {
    this.length = length;
    this.reason = reason;
  }

  /** How long the lock lasts. */
  public Duration length() {
    return length;
  }

  /** The reason a lead under this lock is skipped with. */
  public SkipReason reason() {
    return reason;
  }

  /** The name in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a wire name, or null when there is none. */
  public static RecallLockKind fromWire(String name) {
    for (RecallLockKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
