package io.switchboard.dialer.persistence;

import io.switchboard.dialer.persistence.StoredFigures.AttemptCounts;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads campaigns' attempt counts for the live figures: two queries for any number of campaigns
 * (attempts by end time today, in the last 24 h and the last 30 days, served by {@code
 * lead_attempts_campaign_idx}; leads not done). Safe to use from any context.
 */
public final class FiguresRepository {

  /** The longest window read (FCC: 30 days). */
  public static final Duration LONGEST_WINDOW = Duration.ofDays(30);

  /** Dials, live answers and abandons of the attempts that ended since parameter {@code $n}. */
  private static String counts(int n) {
    String since = "count(*) FILTER (WHERE ended_at >= $" + n;
    return since
        + "), "
        + since
        + " AND outcome IN ('answered', 'abandoned')), "
        + since
        + " AND outcome = 'abandoned')";
  }

  private final Pool pool;

  public FiguresRepository(Pool pool) {
    this.pool = pool;
  }

  /** The counts of each campaign (zeros for a campaign without attempts or leads). */
  public Future<Map<Long, StoredFigures>> read(List<Long> campaignIds, Instant now, ZoneId zone) {
    LocalDate day = now.atZone(zone).toLocalDate();
    Instant dayStart = day.atStartOfDay(zone).toInstant();
    Instant longest = now.minus(LONGEST_WINDOW);
    Long[] ids = campaignIds.toArray(Long[]::new);
    Future<Map<Long, Row>> attempts =
        pool.preparedQuery(
                "SELECT campaign_id, max(id), "
                    + counts(2)
                    + ", "
                    + counts(3)
                    + ", "
                    + counts(4)
                    + " FROM lead_attempts WHERE campaign_id = ANY($1)"
                    // Started before its end: the index on started_at bounds the scan.
                    + " AND started_at >= $5 AND ended_at >= least($2, $3, $4)"
                    + " GROUP BY campaign_id")
            .execute(
                Tuple.of(
                    ids,
                    SqlValues.timestamp(dayStart),
                    SqlValues.timestamp(now.minus(Duration.ofHours(24))),
                    SqlValues.timestamp(longest),
                    SqlValues.timestamp(longest.minus(Duration.ofDays(1)))))
            .map(FiguresRepository::byCampaign);
    Future<Map<Long, Row>> left =
        pool.preparedQuery(
                "SELECT campaign_id, count(*) FROM leads WHERE campaign_id = ANY($1)"
                    + " AND status <> 'done' GROUP BY campaign_id")
            .execute(Tuple.of((Object) ids))
            .map(FiguresRepository::byCampaign);
    return Future.all(attempts, left)
        .map(
            both -> {
              Map<Long, StoredFigures> figures = new HashMap<>();
              for (Long id : campaignIds) {
                Row counts = attempts.result().get(id);
                Row leads = left.result().get(id);
                figures.put(
                    id,
                    new StoredFigures(
                        now,
                        day,
                        counts == null || counts.getLong(1) == null ? 0 : counts.getLong(1),
                        counts(counts, 2),
                        counts(counts, 5),
                        counts(counts, 8),
                        leads == null ? 0 : leads.getLong(1)));
              }
              return figures;
            })
        .recover(DialerSqlErrors::fail);
  }

  private static Map<Long, Row> byCampaign(Iterable<Row> rows) {
    Map<Long, Row> byId = new HashMap<>();
    rows.forEach(row -> byId.put(row.getLong(0), row));
    return byId;
  }

  private static AttemptCounts counts(Row row, int first) {
    return row == null
        ? AttemptCounts.ZERO
        : new AttemptCounts(row.getLong(first), row.getLong(first + 1), row.getLong(first + 2));
  }
}
