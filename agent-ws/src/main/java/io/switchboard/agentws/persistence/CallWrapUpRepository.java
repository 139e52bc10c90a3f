package io.switchboard.agentws.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.persistence.PostgresDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Stores call wrap-ups and agent attributions in {@code call_wrapups} (migration V6) and copies
 * them onto the call's {@code call_logs} row when it exists, the customer's disposition into {@code
 * call_dispositions} (the customer's timeline). Each write takes the call's wrap-up lock first
 * ({@code lock_call_wrapup}, also taken by the AMI bridge's call log writer), so whether the call
 * log is written before or after, it ends up with the wrap-up. A failure is a {@link
 * SwitchboardException}: {@code BAD_REQUEST} when PostgreSQL refuses the data (a customer or code
 * that went away meanwhile), {@code UNAVAILABLE} otherwise. Futures complete on the caller's
 * context.
 */
public final class CallWrapUpRepository {

  /** Most servers one Linkedid is looked up on. */
  static final int MAX_SERVERS_PER_LINKED_ID = 10;

  private static final String LOCK = "SELECT lock_call_wrapup($1, $2)";

  private static final String APPLY = "SELECT apply_call_wrapup($1, $2) AS applied";

  private static final String CALL_LOG =
      "SELECT id, customer_id FROM call_logs WHERE server_id = $1 AND linked_id = $2";

  // A wrap-up sent again replaces the code and notes; the agent recorded at the call's end stays.
  private static final String UPSERT_WRAPUP =
      "INSERT INTO call_wrapups (server_id, linked_id, agent_user_id, customer_id, disposition,"
          + " notes, wrapped_up_by, wrapped_up_at)"
          + " VALUES ($1, $2, $3, coalesce($4::bigint, $5::bigint), $6, $7, $8, now())"
          + " ON CONFLICT (server_id, linked_id) DO UPDATE SET"
          + " agent_user_id = coalesce(call_wrapups.agent_user_id, EXCLUDED.agent_user_id),"
          + " customer_id = coalesce($4::bigint, call_wrapups.customer_id, $5::bigint),"
          + " disposition = EXCLUDED.disposition, notes = EXCLUDED.notes,"
          + " wrapped_up_by = EXCLUDED.wrapped_up_by, wrapped_up_at = EXCLUDED.wrapped_up_at,"
          + " updated_at = now()"
          + " RETURNING customer_id, call_disposition_id";

  private static final String INSERT_DISPOSITION =
      "INSERT INTO call_dispositions (customer_id, call_log_id, code, note, user_id)"
          + " VALUES ($1, $2, $3, $4, $5) RETURNING id";

  private static final String LINK_DISPOSITION =
      "UPDATE call_wrapups SET call_disposition_id = $3 WHERE server_id = $1 AND linked_id = $2";

  private static final String UPDATE_DISPOSITION =
      "UPDATE call_dispositions SET customer_id = $2, code = $3, note = $4, user_id = $5,"
          + " call_log_id = coalesce(call_log_id, $6) WHERE id = $1";

  // The agent known when the call ended is the one who handled it last: it wins.
  private static final String ATTRIBUTE =
      "INSERT INTO call_wrapups (server_id, linked_id, agent_user_id, customer_id)"
          + " VALUES ($1, $2, $3, $4::bigint)"
          + " ON CONFLICT (server_id, linked_id) DO UPDATE SET"
          + " agent_user_id = EXCLUDED.agent_user_id,"
          + " customer_id = coalesce(call_wrapups.customer_id, EXCLUDED.customer_id),"
          + " updated_at = now()";

  private static final String FIND_CALLS =
      "SELECT server_id,"
          + " coalesce(max(agent_user_id) FILTER (WHERE NOT logged),"
          + " max(agent_user_id) FILTER (WHERE logged)) AS agent_user_id,"
          + " bool_or(logged) AS logged"
          + " FROM (SELECT server_id, agent_user_id, true AS logged FROM call_logs"
          + " WHERE linked_id = $1"
          + " UNION ALL SELECT server_id, agent_user_id, false FROM call_wrapups"
          + " WHERE linked_id = $1) calls"
          + " GROUP BY server_id ORDER BY server_id LIMIT "
          + MAX_SERVERS_PER_LINKED_ID;

  private static final String DISPOSITION_ACTIVE =
      "SELECT active FROM disposition_codes WHERE code = $1";

  private static final String CUSTOMER_EXISTS =
      "SELECT 1 FROM customers WHERE id = $1 AND deleted_at IS NULL";

  private final Pool pool;

  public CallWrapUpRepository(Pool pool) {
    this.pool = pool;
  }

  /** The repository over the node's database. */
  public static CallWrapUpRepository over(PostgresDatabase database) {
    return new CallWrapUpRepository(database.pool());
  }

  /** Whether the disposition code is in use: empty when there is no such code. */
  public Future<Optional<Boolean>> dispositionActive(String code) {
    return pool.preparedQuery(DISPOSITION_ACTIVE)
        .execute(Tuple.of(code))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.<Boolean>empty()
                    : Optional.of(rows.iterator().next().getBoolean("active")))
        .recover(failure -> Future.failedFuture(translate("read disposition codes", failure)));
  }

  /** Whether a customer with this id exists and is not deleted. */
  public Future<Boolean> customerExists(long customerId) {
    return pool.preparedQuery(CUSTOMER_EXISTS)
        .execute(Tuple.of(customerId))
        .map(rows -> rows.size() > 0)
        .recover(failure -> Future.failedFuture(translate("read customers", failure)));
  }

  /** The calls with this Linkedid that have a call log or a wrap-up row, one per server. */
  public Future<List<KnownCall>> findCalls(String linkedId) {
    return pool.preparedQuery(FIND_CALLS)
        .execute(Tuple.of(linkedId))
        .map(
            rows -> {
              List<KnownCall> calls = new ArrayList<>();
              for (Row row : rows) {
                calls.add(
                    new KnownCall(
                        row.getString("server_id"),
                        linkedId,
                        row.getLong("agent_user_id"),
                        row.getBoolean("logged")));
              }
              return calls;
            })
        .recover(failure -> Future.failedFuture(translate("look up call " + linkedId, failure)));
  }

  /**
   * Stores the wrap-up (replacing an earlier one of the call), records the disposition for the
   * customer (the given one, else the call's), and copies both onto the call log if it exists.
   */
  public Future<StoredWrapUp> wrapUp(CallWrapUp wrapUp) {
    return pool.withTransaction(connection -> wrapUp(connection, wrapUp))
        .recover(
            failure ->
                Future.failedFuture(
                    translate("store the wrap-up of call " + wrapUp.linkedId(), failure)));
  }

  private Future<StoredWrapUp> wrapUp(SqlConnection connection, CallWrapUp w) {
    Tuple key = Tuple.of(w.serverId(), w.linkedId());
    return connection
        .preparedQuery(LOCK)
        .execute(key)
        .compose(locked -> connection.preparedQuery(CALL_LOG).execute(key))
        .compose(
            logs -> {
              Row log = logs.size() == 0 ? null : logs.iterator().next();
              Long logId = log == null ? null : log.getLong("id");
              Long logCustomer = log == null ? null : log.getLong("customer_id");
              return connection
                  .preparedQuery(UPSERT_WRAPUP)
                  .execute(
                      Tuple.wrap(
                          Arrays.asList(
                              w.serverId(),
                              w.linkedId(),
                              w.agentUserId(),
                              w.customerId(),
                              logCustomer,
                              w.code(),
                              w.notes(),
                              w.wrappedUpBy())))
                  .compose(rows -> disposition(connection, w, logId, rows.iterator().next()));
            })
        .compose(
            customerId ->
                connection
                    .preparedQuery(APPLY)
                    .execute(key)
                    .map(
                        applied ->
                            new StoredWrapUp(
                                applied.iterator().next().getBoolean("applied"), customerId)));
  }

  /** Inserts or updates the customer's disposition of this wrap-up; the customer, or null. */
  private static Future<Long> disposition(
      SqlConnection connection, CallWrapUp w, Long logId, Row wrapUpRow) {
    Long customerId = wrapUpRow.getLong("customer_id");
    Long dispositionId = wrapUpRow.getLong("call_disposition_id");
    if (customerId == null) {
      return Future.succeededFuture(null);
    }
    if (dispositionId != null) {
      return connection
          .preparedQuery(UPDATE_DISPOSITION)
          .execute(
              Tuple.wrap(
                  Arrays.asList(
                      dispositionId, customerId, w.code(), w.notes(), w.wrappedUpBy(), logId)))
          .map(customerId);
    }
    return connection
        .preparedQuery(INSERT_DISPOSITION)
        .execute(Tuple.wrap(Arrays.asList(customerId, logId, w.code(), w.notes(), w.wrappedUpBy())))
        .compose(
            inserted ->
                connection
                    .preparedQuery(LINK_DISPOSITION)
                    .execute(
                        Tuple.of(
                            w.serverId(), w.linkedId(), inserted.iterator().next().getLong("id"))))
        .map(customerId);
  }

  /**
   * Records that {@code agentUserId} handled the call (and with which customer, when known), and
   * copies it onto the call log if it exists.
   *
   * @return true when the call log existed and now carries the agent
   */
  public Future<Boolean> attribute(
      String serverId, String linkedId, long agentUserId, Long customerId) {
    Tuple key = Tuple.of(serverId, linkedId);
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(LOCK)
                    .execute(key)
                    .compose(
                        locked ->
                            connection
                                .preparedQuery(ATTRIBUTE)
                                .execute(
                                    Tuple.wrap(
                                        Arrays.asList(
                                            serverId, linkedId, agentUserId, customerId))))
                    .compose(upserted -> connection.preparedQuery(APPLY).execute(key))
                    .map(CallWrapUpRepository::applied))
        .recover(
            failure ->
                Future.failedFuture(translate("record the agent of call " + linkedId, failure)));
  }

  private static boolean applied(RowSet<Row> rows) {
    return rows.iterator().next().getBoolean("applied");
  }

  /** SQLSTATE class 23 (a customer or code deleted meanwhile, a too long text): bad input. */
  private static SwitchboardException translate(String what, Throwable failure) {
    if (failure instanceof SwitchboardException known) {
      return known;
    }
    if (failure instanceof DatabaseException database
        && database.getSqlState() != null
        && (database.getSqlState().startsWith("23") || database.getSqlState().startsWith("22"))) {
      return new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "PostgreSQL refused to " + what + ": " + database.getMessage(),
          failure);
    }
    return new SwitchboardException(
        ErrorCode.UNAVAILABLE, "could not " + what + ": " + failure.getMessage(), failure);
  }
}
