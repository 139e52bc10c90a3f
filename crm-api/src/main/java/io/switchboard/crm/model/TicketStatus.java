package io.switchboard.crm.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a ticket is in its life: new -> assigned -> in_progress -> resolved -> closed, one step at
 * a time (the database enforces the same rule).
 */
public enum TicketStatus {
  NEW,
  ASSIGNED,
  IN_PROGRESS,
  RESOLVED,
  CLOSED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status written as {@code name}, if there is one. */
  public static Optional<TicketStatus> fromWire(String name) {
    for (TicketStatus status : values()) {
      if (status.wireName().equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** The one status a ticket in this status may move to; empty once closed. */
  public Optional<TicketStatus> next() {
    return ordinal() + 1 < values().length
        ? Optional.of(values()[ordinal() + 1])
        : Optional.empty();
  }

  /** Whether a ticket may go from this status to {@code target}. */
  public boolean canMoveTo(TicketStatus target) {
    return next().map(target::equals).orElse(false);
  }
}
