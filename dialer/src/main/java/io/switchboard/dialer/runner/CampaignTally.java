package io.switchboard.dialer.runner;

import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.LeadAttempt;
import io.switchboard.dialer.persistence.StoredFigures;
import io.switchboard.dialer.persistence.StoredFigures.AttemptCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A running campaign's attempt counts for its live figures: the counts PostgreSQL held at the last
 * read ({@link StoredFigures}, re-read periodically) plus the attempts the runner recorded since,
 * so that no query runs per attempt. An attempt already in the read (its id at most the read's
 * highest) is not added twice; one recorded while a read was running with a lower id than the
 * read's highest but not in it is missed until the next read. At midnight today's counts start from
 * the attempts recorded since. Pure (time passed in); not thread-safe: the runner's context.
 */
final class CampaignTally {

  /** Attempts kept between two reads; beyond it the oldest are dropped until the next read. */
  static final int MAX_RECORDED = 20_000;

  private record Recorded(long id, Instant endedAt, AttemptCounts counts) {}

  private final ZoneId zone;
  private final Deque<Recorded> recorded = new ArrayDeque<>();
  private StoredFigures stored;

  CampaignTally(ZoneId zone) {
    this.zone = zone;
  }

  /** Whether PostgreSQL's counts were read at least once (before that the figures are partial). */
  boolean loaded() {
    return stored != null;
  }

  /** A fresh read: the base, and the recorded attempts it already holds dropped. */
  void loaded(StoredFigures figures) {
    stored = figures;
    recorded.removeIf(attempt -> attempt.id() <= figures.maxAttemptId());
  }

  /** An attempt the runner recorded. */
  void recorded(LeadAttempt attempt) {
    if (stored != null && attempt.id() <= stored.maxAttemptId()) {
      return;
    }
    if (recorded.size() >= MAX_RECORDED) {
      recorded.removeFirst();
    }
    AttemptOutcome outcome = attempt.outcome();
    boolean live = outcome == AttemptOutcome.ANSWERED || outcome == AttemptOutcome.ABANDONED;
    recorded.addLast(
        new Recorded(
            attempt.id(),
            attempt.endedAt(),
            new AttemptCounts(1, live ? 1 : 0, outcome == AttemptOutcome.ABANDONED ? 1 : 0)));
  }

  /** Attempts that ended on {@code now}'s local day. */
  AttemptCounts today(Instant now) {
    LocalDate day = now.atZone(zone).toLocalDate();
    AttemptCounts sum =
        stored != null && stored.day().equals(day) ? stored.today() : AttemptCounts.ZERO;
    for (Recorded attempt : recorded) {
      if (attempt.endedAt().atZone(zone).toLocalDate().equals(day)) {
        sum = sum.plus(attempt.counts());
      }
    }
    return sum;
  }

  /** Attempts of the last 24 h (as of the last read, plus those recorded since). */
  AttemptCounts last24Hours() {
    return sinceRead(stored == null ? AttemptCounts.ZERO : stored.last24Hours());
  }

  /** Attempts of the last 30 days (as of the last read, plus those recorded since). */
  AttemptCounts last30Days() {
    return sinceRead(stored == null ? AttemptCounts.ZERO : stored.last30Days());
  }

  /** Leads not done at the last read. */
  long leadsLeft() {
    return stored == null ? 0 : stored.leadsLeft();
  }

  /** When the counts were last read, or null. */
  Instant readAt() {
    return stored == null ? null : stored.readAt();
  }

  private AttemptCounts sinceRead(AttemptCounts base) {
    AttemptCounts sum = base;
    for (Recorded attempt : recorded) {
      sum = sum.plus(attempt.counts());
    }
    return sum;
  }
}
