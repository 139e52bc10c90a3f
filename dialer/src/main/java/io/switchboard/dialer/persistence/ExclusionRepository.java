package io.switchboard.dialer.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.Page;
import io.switchboard.dialer.campaign.Exclusion;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * A campaign's excluded numbers: listed by number, added (409 when already there) and removed. The
 * compliance check reads them with each lead. Safe to use from any context.
 */
public final class ExclusionRepository {

  private static final String COLUMNS = "campaign_id, e164, reason, added_by, added_at";

  private final Pool pool;

  public ExclusionRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Page<Exclusion>> list(long campaignId, String after, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM campaign_exclusions WHERE campaign_id = $1 AND e164 > $2"
                + " ORDER BY e164 LIMIT $3")
        .execute(Tuple.of(campaignId, after == null ? "" : after, limit + 1))
        .map(
            rows ->
                Page.fromOneExtra(
                    SqlValues.all(rows, ExclusionRepository::exclusion), limit, Exclusion::e164))
        .recover(DialerSqlErrors::fail);
  }

  public Future<Exclusion> add(long campaignId, String e164, String reason, long userId) {
    return pool.preparedQuery(
            "INSERT INTO campaign_exclusions (campaign_id, e164, reason, added_by)"
                + " VALUES ($1, $2, $3, $4) RETURNING "
                + COLUMNS)
        .execute(Tuple.of(campaignId, e164, reason, userId))
        .map(rows -> exclusion(rows.iterator().next()))
        .recover(DialerSqlErrors::fail);
  }

  public Future<Void> remove(long campaignId, String e164) {
    return pool.preparedQuery(
            "DELETE FROM campaign_exclusions WHERE campaign_id = $1 AND e164 = $2")
        .execute(Tuple.of(campaignId, e164))
        .recover(DialerSqlErrors::fail)
        .compose(
            rows ->
                rows.rowCount() == 1
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        new SwitchboardException(
                            ErrorCode.NOT_FOUND,
                            e164 + " is not excluded from campaign " + campaignId)));
  }

  private static Exclusion exclusion(Row row) {
    return new Exclusion(
        row.getLong("campaign_id"),
        row.getString("e164"),
        row.getString("reason"),
        row.getLong("added_by"),
        SqlValues.instant(row, "added_at"));
  }
}
