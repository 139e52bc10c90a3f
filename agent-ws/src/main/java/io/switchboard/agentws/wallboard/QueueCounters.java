package io.switchboard.agentws.wallboard;

import io.switchboard.agentws.persistence.QueueDayTotals;
import io.vertx.core.json.JsonObject;

/**
 * One queue's counters for the current day: answered, abandoned, service level, speed of answer and
 * handle time. Mutable; owned by the {@link WallboardCalculator}.
 */
final class QueueCounters {

  private final long serviceLevelMs;
  private long answered;
  private long answeredWithinServiceLevel;
  private long answeredWaitMs;
  private long abandoned;
  private long abandonedAfterServiceLevel;
  private long handled;
  private long handleMs;

  QueueCounters(long serviceLevelMs) {
    this.serviceLevelMs = serviceLevelMs;
  }

  /** An agent answered a call of this queue after it waited {@code waitMs}. */
  void answered(long waitMs) {
    answered++;
    answeredWaitMs += waitMs;
    if (waitMs <= serviceLevelMs) {
      answeredWithinServiceLevel++;
    }
  }

  /** A caller hung up while waiting, after {@code waitMs}. */
  void abandoned(long waitMs) {
    abandoned++;
    if (waitMs > serviceLevelMs) {
      abandonedAfterServiceLevel++;
    }
  }

  /** An answered call ended after {@code handleMs} of talk and hold. */
  void handled(long callHandleMs) {
    handled++;
    handleMs += callHandleMs;
  }

  /** Adds what the call logs hold for the part of the day before the wallboard started. */
  void add(QueueDayTotals totals) {
    answered += totals.answered();
    answeredWithinServiceLevel += totals.answeredWithinServiceLevel();
    answeredWaitMs += totals.answeredWaitMs();
    abandoned += totals.abandoned();
    abandonedAfterServiceLevel += totals.abandonedAfterServiceLevel();
    handled += totals.handled();
    handleMs += totals.handleMs();
  }

  /**
   * Writes {@code answeredToday}, {@code abandonedToday}, {@code serviceLevelPct} (one decimal),
   * {@code asaMs} and {@code ahtMs} into {@code queue}; each of the last three null while it has
   * nothing to divide by.
   */
  void writeTo(JsonObject queue) {
    long offered = answered + abandonedAfterServiceLevel;
    queue
        .put("answeredToday", answered)
        .put("abandonedToday", abandoned)
        .put(
            "serviceLevelPct",
            offered == 0 ? null : Math.round(1000.0 * answeredWithinServiceLevel / offered) / 10.0)
        .put("asaMs", answered == 0 ? null : answeredWaitMs / answered)
        .put("ahtMs", handled == 0 ? null : handleMs / handled);
  }
}
