package io.switchboard.ami.persistence;

import io.switchboard.ami.tracker.CallLeg;
import io.switchboard.ami.tracker.CallOffer;
import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.ami.tracker.CallTransfer;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes finished calls to {@code call_logs} and its child tables ({@code call_log_legs}, {@code
 * call_log_offers}, {@code call_log_transfers}, migrations V1 and V5), one transaction per call.
 * The insert is idempotent on {@code (server_id, linked_id)}: a call written twice stays one row,
 * and its children are written only with the row, so redelivery after a failure is safe.
 *
 * <p>A wrap-up the console stored before the call log existed ({@code call_wrapups}, migration V6:
 * the agent who handled the call, its disposition and notes, its customer) is applied in the same
 * transaction; the call's wrap-up lock is taken first, as the console takes it, so a wrap-up that
 * commits meanwhile is never missed.
 *
 * <p>Failures come back as {@link SwitchboardException}: {@link ErrorCode#VALIDATION_FAILED} when
 * PostgreSQL refuses the data itself (SQLSTATE classes 22 and 23: retrying cannot help), {@link
 * ErrorCode#UNAVAILABLE} for everything else (no connection, timeouts, shutdown: retry later).
 * Thread-safe, as the pool is.
 */
public final class CallLogRepository {

  private static final String INSERT_CALL =
      "INSERT INTO call_logs (server_id, linked_id, call_id, direction, caller_number,"
          + " caller_name, dialled_number, queue, originate_id, started_at, queued_at,"
          + " queue_left_at, answered_at, ended_at, wait_ms, talk_ms, hold_ms, outcome,"
          + " hangup_cause, hangup_by, recording_file, recorded, agent_interface,"
          + " agent_member_name, originate_reason, amd_status, amd_cause, reconciled)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
          + " $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28)"
          + " ON CONFLICT ON CONSTRAINT call_logs_server_linked_key DO NOTHING RETURNING id";

  private static final String INSERT_LEG =
      "INSERT INTO call_log_legs (call_log_id, unique_id, channel, role, rang_at, answered_at,"
          + " ended_at, hangup_cause) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

  private static final String INSERT_OFFER =
      "INSERT INTO call_log_offers (call_log_id, seq, queue, member_name, agent_interface,"
          + " unique_id, channel, offered_at, ring_ms, result)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

  private static final String INSERT_TRANSFER =
      "INSERT INTO call_log_transfers (call_log_id, seq, kind, transferred_at,"
          + " transferer_channel, target, success) VALUES ($1, $2, $3, $4, $5, $6, $7)";

  private static final String LOCK_WRAPUP = "SELECT lock_call_wrapup($1, $2)";

  private static final String APPLY_WRAPUP = "SELECT apply_call_wrapup($1, $2)";

  private final Pool pool;

  public CallLogRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Writes the call and its legs, offers and transfers in one transaction.
   *
   * @return true when the row was written now, false when the call was already logged
   */
  public Future<Boolean> insert(CallRecord record) {
    return pool.withTransaction(connection -> insert(connection, record))
        .recover(failure -> Future.failedFuture(translate(record, failure)));
  }

  private Future<Boolean> insert(SqlConnection connection, CallRecord record) {
    Tuple key = Tuple.of(record.serverId(), record.linkedId());
    return connection
        .preparedQuery(LOCK_WRAPUP)
        .execute(key)
        .compose(locked -> connection.preparedQuery(INSERT_CALL).execute(callRow(record)))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture(false);
              }
              long id = rows.iterator().next().getLong("id");
              return batch(connection, INSERT_LEG, legRows(id, record))
                  .compose(done -> batch(connection, INSERT_OFFER, offerRows(id, record)))
                  .compose(done -> batch(connection, INSERT_TRANSFER, transferRows(id, record)))
                  .compose(done -> connection.preparedQuery(APPLY_WRAPUP).execute(key))
                  .map(true);
            });
  }

  private static Future<RowSet<Row>> batch(SqlConnection connection, String sql, List<Tuple> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return connection.preparedQuery(sql).executeBatch(rows);
  }

  private static Tuple callRow(CallRecord r) {
    return Tuple.wrap(
        Arrays.asList(
            r.serverId(),
            r.linkedId(),
            r.callId(),
            r.direction().wire(),
            r.callerNumber(),
            r.callerName(),
            r.dialledNumber(),
            r.queue(),
            r.originateId(),
            time(r.startedAt()),
            time(r.queuedAt()),
            time(r.queueLeftAt()),
            time(r.answeredAt()),
            time(r.endedAt()),
            r.waitMs(),
            r.talkMs(),
            r.holdMs(),
            r.outcome().wire(),
            r.hangupCause(),
            r.hangupBy() == null ? null : r.hangupBy().wire(),
            r.recordingFile(),
            r.recorded(),
            r.agentInterface(),
            r.memberName(),
            r.originateReason(),
            r.amdStatus(),
            r.amdCause(),
            r.reconciled()));
  }

  private static List<Tuple> legRows(long id, CallRecord record) {
    List<Tuple> rows = new ArrayList<>(record.legs().size());
    for (CallLeg leg : record.legs()) {
      rows.add(
          Tuple.wrap(
              Arrays.asList(
                  id,
                  leg.uniqueId(),
                  leg.channel(),
                  leg.role().wire(),
                  time(leg.rangAt()),
                  time(leg.answeredAt()),
                  time(leg.endedAt()),
                  leg.hangupCause())));
    }
    return rows;
  }

  private static List<Tuple> offerRows(long id, CallRecord record) {
    List<Tuple> rows = new ArrayList<>(record.offers().size());
    int seq = 0;
    for (CallOffer offer : record.offers()) {
      rows.add(
          Tuple.wrap(
              Arrays.asList(
                  id,
                  seq++,
                  offer.queue(),
                  offer.memberName(),
                  offer.agentInterface(),
                  offer.agentUniqueId(),
                  offer.agentChannel(),
                  time(offer.offeredAt()),
                  offer.ringMs(),
                  offer.result().wire())));
    }
    return rows;
  }

  private static List<Tuple> transferRows(long id, CallRecord record) {
    List<Tuple> rows = new ArrayList<>(record.transfers().size());
    int seq = 0;
    for (CallTransfer transfer : record.transfers()) {
      rows.add(
          Tuple.wrap(
              Arrays.asList(
                  id,
                  seq++,
                  transfer.kind().wire(),
                  time(transfer.at()),
                  transfer.transfererChannel(),
                  transfer.target(),
                  transfer.success())));
    }
    return rows;
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** SQLSTATE class 22 (data exception) or 23 (integrity violation): the data itself is refused. */
  private static SwitchboardException translate(CallRecord record, Throwable failure) {
    String call = "call " + record.serverId() + "/" + record.linkedId();
    if (failure instanceof DatabaseException database
        && database.getSqlState() != null
        && (database.getSqlState().startsWith("22") || database.getSqlState().startsWith("23"))) {
      return new SwitchboardException(
          ErrorCode.VALIDATION_FAILED,
          "PostgreSQL refused the call log of "
              + call
              + " (SQLSTATE "
              + database.getSqlState()
              + "): "
              + failure.getMessage(),
          failure);
    }
    return new SwitchboardException(
        ErrorCode.UNAVAILABLE,
        "could not write the call log of " + call + ": " + failure.getMessage(),
        failure);
  }
}
