package io.switchboard.dialer.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign's attempt counts as PostgreSQL held them at {@code readAt}, by the attempts' end time:
 * today (the local {@code day}), the last 24 h and the last 30 days; the highest attempt id
 * counted, and its leads not done. Immutable.
 */
public record StoredFigures(
    Instant readAt,
    LocalDate day,
    long maxAttemptId,
    AttemptCounts today,
    AttemptCounts last24Hours,
    AttemptCounts last30Days,
    long leadsLeft) {

  /**
   * Finished attempts: all of them, those a person answered live (ended {@code answered} or {@code
   * abandoned}) and those abandoned. Immutable.
   */
  public record AttemptCounts(long dials, long liveAnswers, long abandoned) {

    public static final AttemptCounts ZERO = new AttemptCounts(0, 0, 0);

    public AttemptCounts plus(AttemptCounts other) {
      return new AttemptCounts(
          dials + other.dials, liveAnswers + other.liveAnswers, abandoned + other.abandoned);
    }
  }
}
