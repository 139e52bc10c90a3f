package io.switchboard.dialer.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignStatus;
import io.switchboard.dialer.compliance.DialCandidate;
import io.switchboard.dialer.compliance.DialCompliance;
import io.switchboard.dialer.compliance.DialDecision;
import io.switchboard.dialer.compliance.LeadSkip;
import io.switchboard.dialer.compliance.RecallLock;
import io.switchboard.dialer.compliance.RecallLockKind;
import io.switchboard.dialer.compliance.SkipReason;
import io.switchboard.dialer.lead.Lead;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the next leads a running campaign may dial (the hopper): due leads in order, due callbacks
 * first and then by next attempt time, locked with {@code FOR UPDATE SKIP LOCKED} and a limit, so
 * that runners on several nodes take different leads and nobody waits on the whole table. Each
 * picked lead passes the {@link DialCompliance} check in the same transaction: a lead that may be
 * dialled is reserved for the caller ({@code dialing}); one that may not is skipped, with its
 * reason written to the skip log ({@code lead_skips}) and its next attempt moved to when it may be
 * tried again (or the lead finished), so it is not looked at again before then. Safe to use from
 * any context.
 */
public final class LeadSelectionRepository {

  /** Most leads one call may pick. */
  public static final int MAX_BATCH = 500;

  private static final String CANDIDATES =
      "SELECT "
          + LeadRows.LEAD_COLUMNS
          + ", (SELECT d.reason FROM do_not_call d WHERE d.e164 = l.e164"
          + "     AND (d.expires_at IS NULL OR d.expires_at > $2)) AS dnc_reason,"
          + " EXISTS (SELECT 1 FROM campaign_exclusions x"
          + "     WHERE x.campaign_id = l.campaign_id AND x.e164 = l.e164) AS excluded,"
          + " ra.locked_at AS abandoned_at, ra.locked_until AS abandoned_until,"
          + " rm.locked_at AS machine_at, rm.locked_until AS machine_until"
          + " FROM leads l"
          + " LEFT JOIN recall_locks ra ON ra.e164 = l.e164 AND ra.kind = 'abandoned'"
          + "     AND ra.locked_until > $2"
          + " LEFT JOIN recall_locks rm ON rm.e164 = l.e164 AND rm.kind = 'amd_machine'"
          + "     AND rm.locked_until > $2"
          + " WHERE l.campaign_id = $1 AND l.status = 'ready' AND l.next_attempt_at <= $2"
          + " ORDER BY l.callback DESC, l.next_attempt_at, l.id"
          + " LIMIT $3 FOR UPDATE OF l SKIP LOCKED";

  private final Pool pool;
  private final DialCompliance compliance;
  private final Clock clock;

  public LeadSelectionRepository(Pool pool, DialCompliance compliance, Clock clock) {
    this.pool = pool;
    this.compliance = compliance;
    this.clock = clock;
  }

  /**
   * What one pick did.
   *
   * @param leads the leads reserved for dialling now, in dialling order
   * @param skipped the leads the compliance check refused, with why
   */
  public record Selection(List<Lead> leads, List<LeadSkip> skipped) {}

  /**
   * How many leads of the campaign are not done yet (ready, due or not, and reserved for a dial
   * under way); zero means the campaign is exhausted.
   */
  public Future<Long> remaining(long campaignId) {
    return pool.preparedQuery(
            "SELECT count(*) FROM leads WHERE campaign_id = $1 AND status <> 'done'")
        .execute(Tuple.of(campaignId))
        .map(rows -> rows.iterator().next().getLong(0))
        .recover(DialerSqlErrors::fail);
  }

  /**
   * Picks up to {@code limit} due leads of a running campaign; 409 when the campaign is not
   * running.
   */
  public Future<Selection> next(long campaignId, int limit) {
    if (limit < 1 || limit > MAX_BATCH) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_BATCH);
    }
    Instant now = clock.instant();
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "SELECT " + CampaignRows.ALL_COLUMNS + " FROM campaigns WHERE id = $1")
                    .execute(Tuple.of(campaignId))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) {
                            return Future.failedFuture(CampaignRepository.notFound(campaignId));
                          }
                          Campaign campaign = CampaignRows.campaign(rows.iterator().next());
                          if (campaign.status() != CampaignStatus.RUNNING) {
                            return Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.CONFLICT,
                                    "campaign "
                                        + campaignId
                                        + " is "
                                        + campaign.status().wireName()
                                        + "; leads are picked for running campaigns only"));
                          }
                          return connection
                              .preparedQuery(CANDIDATES)
                              .execute(Tuple.of(campaignId, SqlValues.timestamp(now), limit))
                              .compose(picked -> decide(connection, campaign, picked, now));
                        }))
        .recover(DialerSqlErrors::fail);
  }

  /**
   * Gives a lead reserved by {@link #next} back without a dial (a preview offer withdrawn or not
   * answered): ready again, due as before, no attempt counted. False when it was not reserved.
   */
  public Future<Boolean> release(long leadId) {
    return pool.preparedQuery(
            "UPDATE leads SET status = 'ready', reserved_at = NULL, updated_at = now()"
                + " WHERE id = $1 AND status = 'dialing'")
        .execute(Tuple.of(leadId))
        .map(rows -> rows.rowCount() == 1)
        .recover(DialerSqlErrors::fail);
  }

  /**
   * A preview agent skipped a lead reserved by {@link #next}: one {@code agent_skipped} row in the
   * skip log with {@code detail}, and the lead ready again from {@code until}; no attempt counted.
   * Empty when the lead was not reserved.
   */
  public Future<Optional<LeadSkip>> skipReserved(long leadId, String detail, Instant until) {
    Instant now = clock.instant();
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "UPDATE leads SET status = 'ready', reserved_at = NULL,"
                            + " next_attempt_at = $2, updated_at = now()"
                            + " WHERE id = $1 AND status = 'dialing' RETURNING campaign_id")
                    .execute(Tuple.of(leadId, SqlValues.timestamp(until)))
                    .compose(
                        rows -> {
                          if (rows.rowCount() == 0) {
                            return Future.succeededFuture(Optional.<LeadSkip>empty());
                          }
                          long campaignId = rows.iterator().next().getLong(0);
                          return logSkips(
                                  connection,
                                  List.of(
                                      Tuple.of(
                                          leadId,
                                          campaignId,
                                          SqlValues.timestamp(now),
                                          SkipReason.AGENT_SKIPPED.wireName(),
                                          detail,
                                          SqlValues.timestamp(until))))
                              .map(logged -> Optional.of(logged.get(0)));
                        }))
        .recover(DialerSqlErrors::fail);
  }

  private Future<Selection> decide(
      SqlConnection connection, Campaign campaign, RowSet<Row> picked, Instant now) {
    List<Long> allowed = new ArrayList<>();
    List<Tuple> skips = new ArrayList<>();
    List<Tuple> postponed = new ArrayList<>();
    List<Tuple> finished = new ArrayList<>();
    for (Row row : picked) {
      DialCandidate candidate = candidate(row);
      DialDecision decision = compliance.check(campaign.settings(), candidate);
      long leadId = candidate.lead().id();
      if (decision.mayDial()) {
        allowed.add(leadId);
        continue;
      }
      skips.add(
          Tuple.of(
              leadId,
              campaign.id(),
              SqlValues.timestamp(now),
              decision.reason().wireName(),
              decision.detail(),
              SqlValues.timestamp(decision.until())));
      if (decision.until() != null) {
        postponed.add(Tuple.of(leadId, SqlValues.timestamp(decision.until())));
      } else {
        finished.add(Tuple.of(leadId, decision.finalState().wireName()));
      }
    }
    Future<List<LeadSkip>> logged = logSkips(connection, skips);
    Future<Void> moved =
        batch(
            connection,
            "UPDATE leads SET next_attempt_at = $2, updated_at = now() WHERE id = $1",
            postponed);
    Future<Void> done =
        batch(
            connection,
            "UPDATE leads SET status = 'done', final_state = $2, updated_at = now() WHERE id = $1",
            finished);
    Future<List<Lead>> reserved = reserve(connection, allowed, now);
    return Future.all(logged, moved, done, reserved)
        .map(all -> new Selection(reserved.result(), logged.result()));
  }

  private static Future<List<Lead>> reserve(
      SqlConnection connection, List<Long> leadIds, Instant now) {
    if (leadIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return connection
        .preparedQuery(
            "UPDATE leads l SET status = 'dialing', reserved_at = $2, updated_at = now()"
                + " WHERE l.id = ANY($1) RETURNING "
                + LeadRows.LEAD_COLUMNS)
        .execute(Tuple.of(leadIds.toArray(Long[]::new), SqlValues.timestamp(now)))
        .map(
            rows -> {
              // RETURNING has no order: give them back in the order they were picked.
              Map<Long, Lead> byId = new HashMap<>();
              rows.forEach(row -> byId.put(row.getLong("id"), LeadRows.lead(row)));
              return leadIds.stream().map(byId::get).toList();
            });
  }

  private static Future<List<LeadSkip>> logSkips(SqlConnection connection, List<Tuple> skips) {
    if (skips.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return connection
        .preparedQuery(
            "INSERT INTO lead_skips (lead_id, campaign_id, at, reason, detail, until)"
                + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING "
                + LeadRows.SKIP_COLUMNS)
        .executeBatch(skips)
        .map(
            first -> {
              List<LeadSkip> logged = new ArrayList<>();
              for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
                rows.forEach(row -> logged.add(LeadRows.skip(row)));
              }
              return logged;
            });
  }

  private static Future<Void> batch(SqlConnection connection, String sql, List<Tuple> batch) {
    return batch.isEmpty()
        ? Future.succeededFuture()
        : connection.preparedQuery(sql).executeBatch(batch).mapEmpty();
  }

  private static DialCandidate candidate(Row row) {
    List<RecallLock> locks = new ArrayList<>();
    if (row.getValue("abandoned_until") != null) {
      locks.add(
          new RecallLock(
              RecallLockKind.ABANDONED,
              SqlValues.instant(row, "abandoned_at"),
              SqlValues.instant(row, "abandoned_until")));
    }
    if (row.getValue("machine_until") != null) {
      locks.add(
          new RecallLock(
              RecallLockKind.AMD_MACHINE,
              SqlValues.instant(row, "machine_at"),
              SqlValues.instant(row, "machine_until")));
    }
    return new DialCandidate(
        LeadRows.lead(row), row.getString("dnc_reason"), row.getBoolean("excluded"), locks);
  }
}
