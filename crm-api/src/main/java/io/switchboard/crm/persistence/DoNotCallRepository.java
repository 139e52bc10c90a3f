package io.switchboard.crm.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.Page;
import io.switchboard.crm.model.DoNotCallEntry;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The do-not-call list, by E.164 number, with a reason, who added it and an optional expiry. An
 * expired entry no longer blocks and is replaced by a new one. Changes audited in their
 * transaction. Safe to use from any context.
 */
public final class DoNotCallRepository {

  private static final String SELECT =
      "SELECT e164, reason, added_by, added_at, expires_at FROM do_not_call";
  private static final String ENTITY = "do_not_call";

  private final Pool pool;

  public DoNotCallRepository(Pool pool) {
    this.pool = pool;
  }

  /** Adds a number; 409 when it is already listed and not expired. */
  public Future<DoNotCallEntry> add(long userId, String e164, String reason, Instant expiresAt) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "DELETE FROM do_not_call WHERE e164 = $1 AND expires_at <= now()")
                    .execute(Tuple.of(e164))
                    .compose(
                        purged ->
                            connection
                                .preparedQuery(
                                    "INSERT INTO do_not_call (e164, reason, added_by, expires_at)"
                                        + " VALUES ($1, $2, $3, $4)"
                                        + " RETURNING e164, reason, added_by, added_at, expires_at")
                                .execute(
                                    Tuple.from(
                                        Arrays.asList(
                                            e164, reason, userId, Rows.timestamp(expiresAt)))))
                    .compose(
                        rows -> {
                          DoNotCallEntry entry = map(rows.iterator().next());
                          return AuditTrail.record(
                                  connection,
                                  userId,
                                  "create",
                                  ENTITY,
                                  e164,
                                  "",
                                  null,
                                  entry.toJson())
                              .map(entry);
                        }))
        .recover(CrmSqlErrors::fail);
  }

  /** The entry that currently blocks {@code e164}, if any. */
  public Future<Optional<DoNotCallEntry>> find(String e164) {
    return pool.preparedQuery(
            SELECT + " WHERE e164 = $1 AND (expires_at IS NULL OR expires_at > now())")
        .execute(Tuple.of(e164))
        .map(
            rows ->
                rows.iterator().hasNext()
                    ? Optional.of(map(rows.iterator().next()))
                    : Optional.<DoNotCallEntry>empty())
        .recover(CrmSqlErrors::fail);
  }

  public Future<Page<DoNotCallEntry>> list(int limit, int offset) {
    return pool.preparedQuery(
            SELECT
                + " WHERE expires_at IS NULL OR expires_at > now()"
                + " ORDER BY added_at DESC, e164 LIMIT $1 OFFSET $2")
        .execute(Tuple.of(limit + 1, offset))
        .map(
            rows -> {
              List<DoNotCallEntry> entries =
                  ReferenceDataRepository.all(rows, DoNotCallRepository::map);
              return Page.fromOneExtra(entries, limit, offset);
            })
        .recover(CrmSqlErrors::fail);
  }

  public Future<Void> remove(long userId, String e164) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "DELETE FROM do_not_call WHERE e164 = $1"
                            + " RETURNING e164, reason, added_by, added_at, expires_at")
                    .execute(Tuple.of(e164))
                    .compose(
                        rows -> {
                          if (!rows.iterator().hasNext()) {
                            return Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.NOT_FOUND, e164 + " is not on the do-not-call list"));
                          }
                          return AuditTrail.record(
                              connection,
                              userId,
                              "delete",
                              ENTITY,
                              e164,
                              "",
                              map(rows.iterator().next()).toJson(),
                              null);
                        }))
        .recover(CrmSqlErrors::fail);
  }

  private static DoNotCallEntry map(Row row) {
    return new DoNotCallEntry(
        row.getString("e164"),
        row.getString("reason"),
        row.getLong("added_by"),
        Rows.instant(row, "added_at"),
        Rows.instant(row, "expires_at"));
  }
}
