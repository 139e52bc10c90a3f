package io.switchboard.dialer.compliance;

import java.time.Instant;
import java.util.Objects;

/** A number may not be called again before {@code lockedUntil}. Immutable. */
public record RecallLock(RecallLockKind kind, Instant lockedAt, Instant lockedUntil) {

  public RecallLock {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lockedAt, "lockedAt");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
  }

  /** The lock a call ending at {@code at} leaves on its number. */
  public static RecallLock of(RecallLockKind kind, Instant at) {
    return new RecallLock(kind, at, at.plus(kind.length()));
  }

  /** Whether the lock still holds at {@code now}. */
  public boolean holdsAt(Instant now) {
    return now.isBefore(lockedUntil);
  }
}
