package io.switchboard.crm.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Filters of the audit query, all optional and combined with AND, and its page: at most {@code
 * limit} entries, newest first, with ids below {@code beforeId} (the previous page's cursor). Time
 * bounds are {@code from <= at < to}. Immutable.
 */
public record AuditQuery(
    OptionalLong userId,
    Optional<String> entity,
    OptionalLong entityId,
    Optional<String> action,
    Optional<Instant> from,
    Optional<Instant> to,
    OptionalLong beforeId,
    int limit) {

  /** Entries per page unless asked otherwise. */
  public static final int DEFAULT_LIMIT = 50;

  /** Most entries one page may hold. */
  public static final int MAX_LIMIT = 500;
}
