package io.switchboard.dialer.lead;

import java.time.Instant;
import java.util.Objects;

/**
 * A lead in status {@code dialing}: held by a runner for a dial since {@code reservedAt}.
 * Immutable.
 */
public record ReservedLead(Lead lead, Instant reservedAt, boolean preview) {

  public ReservedLead {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(reservedAt, "reservedAt");
  }
}
