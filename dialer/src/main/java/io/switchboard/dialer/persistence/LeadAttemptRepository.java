package io.switchboard.dialer.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.compliance.AttemptFollowUp;
import io.switchboard.dialer.compliance.RecallLock;
import io.switchboard.dialer.lead.FinishedAttempt;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadAttempt;
import io.switchboard.dialer.lead.LeadStatus;
import io.switchboard.dialer.lead.ReservedLead;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a finished dial in one transaction: the attempt row, the lead's counts and next attempt
 * (or its final state) as {@link AttemptFollowUp} decides, and the re-call locks it leaves on the
 * number (a later lock extends an earlier one). What the runner calls when a call is over. Safe to
 * use from any context.
 */
public final class LeadAttemptRepository {

  private final Pool pool;

  public LeadAttemptRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records the attempt; 404 for an unknown lead, 409 for a lead that is already done. */
  public Future<LeadAttempt> record(FinishedAttempt attempt) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "SELECT "
                            + LeadRows.LEAD_COLUMNS
                            + " FROM leads l WHERE l.id = $1 FOR UPDATE")
                    .execute(Tuple.of(attempt.leadId()))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) {
                            return Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.NOT_FOUND, "there is no lead " + attempt.leadId()));
                          }
                          Lead lead = LeadRows.lead(rows.iterator().next());
                          if (lead.status() == LeadStatus.DONE) {
                            return Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.CONFLICT,
                                    "lead "
                                        + lead.id()
                                        + " is already done ("
                                        + lead.finalState().wireName()
                                        + ")"));
                          }
                          if (lead.status() != LeadStatus.DIALING) {
                            // Only the runner that reserved the lead records its dial: a lead a
                            // new leader reclaimed (or released) meanwhile is not counted twice.
                            return Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.CONFLICT,
                                    "lead "
                                        + lead.id()
                                        + " is not reserved for a dial any more ("
                                        + lead.status().name().toLowerCase(Locale.ROOT)
                                        + ")"));
                          }
                          return connection
                              .preparedQuery(
                                  "SELECT "
                                      + CampaignRows.ALL_COLUMNS
                                      + " FROM campaigns WHERE id = $1")
                              .execute(Tuple.of(lead.campaignId()))
                              .compose(
                                  campaign ->
                                      write(
                                          connection,
                                          CampaignRows.campaign(campaign.iterator().next())
                                              .settings(),
                                          lead,
                                          attempt));
                        }))
        .recover(DialerSqlErrors::fail);
  }

  /**
   * Leads held for a dial ({@code dialing}) of any campaign, by id after {@code afterId}, at most
   * {@code limit} (1-500): what a runner that starts finds left by one that died.
   */
  public Future<List<ReservedLead>> reserved(long afterId, int limit) {
    if (limit < 1 || limit > LeadSelectionRepository.MAX_BATCH) {
      throw new IllegalArgumentException("limit must be 1.." + LeadSelectionRepository.MAX_BATCH);
    }
    return pool.preparedQuery(
            "SELECT "
                + LeadRows.LEAD_COLUMNS
                + ", l.reserved_at, c.mode = 'preview' AS preview FROM leads l"
                + " JOIN campaigns c ON c.id = l.campaign_id"
                + " WHERE l.status = 'dialing' AND l.id > $1 ORDER BY l.id LIMIT $2")
        .execute(Tuple.of(afterId, limit))
        .map(
            rows ->
                SqlValues.all(
                    rows,
                    row ->
                        new ReservedLead(
                            LeadRows.lead(row),
                            SqlValues.instant(row, "reserved_at"),
                            row.getBoolean("preview"))))
        .recover(DialerSqlErrors::fail);
  }

  private static Future<LeadAttempt> write(
      SqlConnection connection, CampaignSettings campaign, Lead lead, FinishedAttempt attempt) {
    AttemptFollowUp.LeadUpdate update =
        AttemptFollowUp.after(
            campaign, lead, attempt.outcome(), attempt.amdVerdict(), attempt.endedAt());
    Future<LeadAttempt> inserted =
        connection
            .preparedQuery(
                "INSERT INTO lead_attempts (lead_id, campaign_id, attempt, started_at, answered_at,"
                    + " abandoned_at, ended_at, outcome, amd_verdict, reason, agent_user_id,"
                    + " originate_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
                    + " RETURNING "
                    + LeadRows.ATTEMPT_COLUMNS)
            .execute(
                Tuple.from(
                    Arrays.asList(
                        lead.id(),
                        lead.campaignId(),
                        update.attempts(),
                        SqlValues.timestamp(attempt.startedAt()),
                        SqlValues.timestamp(attempt.answeredAt()),
                        SqlValues.timestamp(attempt.abandonedAt()),
                        SqlValues.timestamp(attempt.endedAt()),
                        attempt.outcome().wireName(),
                        attempt.amdVerdict() == null ? null : attempt.amdVerdict().wireName(),
                        attempt.reason(),
                        attempt.agentUserId(),
                        attempt.originateId())))
            .map(rows -> LeadRows.attempt(rows.iterator().next()));
    return inserted.compose(
        written ->
            connection
                .preparedQuery(
                    "UPDATE leads SET status = $2, final_state = $3, attempts = $4,"
                        + " busy_attempts = $5, no_answer_attempts = $6, machine_attempts = $7,"
                        + " failed_attempts = $8, abandoned_attempts = $9, last_outcome = $10,"
                        + " last_attempt_at = $11, next_attempt_at = $12, callback = false,"
                        + " reserved_at = NULL, updated_at = now() WHERE id = $1")
                .execute(
                    Tuple.from(
                        Arrays.asList(
                            lead.id(),
                            update.status().wireName(),
                            update.finalState() == null ? null : update.finalState().wireName(),
                            update.attempts(),
                            update.outcomes().busy(),
                            update.outcomes().noAnswer(),
                            update.outcomes().machine(),
                            update.outcomes().failed(),
                            update.outcomes().abandoned(),
                            attempt.outcome().wireName(),
                            SqlValues.timestamp(attempt.endedAt()),
                            SqlValues.timestamp(update.nextAttemptAt()))))
                .compose(done -> lock(connection, lead, written, update.locks()))
                .map(written));
  }

  private static Future<Void> lock(
      SqlConnection connection, Lead lead, LeadAttempt attempt, List<RecallLock> locks) {
    if (locks.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = new ArrayList<>();
    for (RecallLock lock : locks) {
      batch.add(
          Tuple.of(
              lead.e164(),
              lock.kind().wireName(),
              lead.campaignId(),
              attempt.id(),
              SqlValues.timestamp(lock.lockedAt()),
              SqlValues.timestamp(lock.lockedUntil())));
    }
    return connection
        .preparedQuery(
            "INSERT INTO recall_locks (e164, kind, campaign_id, attempt_id, locked_at,"
                + " locked_until) VALUES ($1, $2, $3, $4, $5, $6)"
                + " ON CONFLICT (e164, kind) DO UPDATE SET campaign_id = excluded.campaign_id,"
                + " attempt_id = excluded.attempt_id, locked_at = excluded.locked_at,"
                + " locked_until = excluded.locked_until"
                + " WHERE recall_locks.locked_until < excluded.locked_until")
        .executeBatch(batch)
        .mapEmpty();
  }
}
