package io.switchboard.crm.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.Page;
import io.switchboard.crm.model.Callback;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheduled callbacks: when, for whom (an agent or a queue), why, status and outcome. One open
 * callback per number (a second is a 409 duplicate). Changes audited in their transaction. Safe to
 * use from any context.
 */
public final class CallbackRepository {

  /** Where a callback in each status may go next; done and cancelled are final. */
  public static final Map<String, Set<String>> TRANSITIONS =
      Map.of(
          "pending", Set.of("in_progress", "done", "cancelled", "missed"),
          "in_progress", Set.of("pending", "done", "cancelled", "missed"),
          "missed", Set.of("pending", "cancelled"),
          "done", Set.of(),
          "cancelled", Set.of());

  static final String SELECT =
      "SELECT id, customer_id, contact_id, phone_e164, due_at, assigned_user_id, assigned_queue,"
          + " reason, priority, status, outcome, attempts, created_by, created_at, updated_at,"
          + " completed_at FROM callbacks";

  private static final String ENTITY = "callback";

  private final Pool pool;

  public CallbackRepository(Pool pool) {
    this.pool = pool;
  }

  /** A new callback. */
  public record Draft(
      Long customerId,
      Long contactId,
      String phoneE164,
      Instant dueAt,
      Long assignedUserId,
      String assignedQueue,
      String reason,
      int priority) {}

  /** A change to a callback; null fields stay as they are. */
  public record Change(
      String status,
      String outcome,
      Instant dueAt,
      Long assignedUserId,
      String assignedQueue,
      String reason,
      Integer priority) {}

  /** Which callbacks to list; null fields do not filter. */
  public record Filter(
      Long customerId,
      List<String> statuses,
      Long assignedUserId,
      String assignedQueue,
      Instant dueBefore,
      int limit,
      int offset) {}

  public Future<Callback> create(long userId, Draft draft) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "INSERT INTO callbacks (customer_id, contact_id, phone_e164, due_at,"
                            + " assigned_user_id, assigned_queue, reason, priority, created_by)"
                            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING "
                            + SELECT.substring("SELECT ".length(), SELECT.indexOf(" FROM")))
                    .execute(
                        Tuple.from(
                            Arrays.asList(
                                draft.customerId(),
                                draft.contactId(),
                                draft.phoneE164(),
                                Rows.timestamp(draft.dueAt()),
                                draft.assignedUserId(),
                                draft.assignedQueue(),
                                draft.reason(),
                                draft.priority(),
                                userId)))
                    .compose(
                        rows -> {
                          Callback created = map(rows.iterator().next());
                          return AuditTrail.record(
                                  connection,
                                  userId,
                                  "create",
                                  ENTITY,
                                  created.id(),
                                  "",
                                  null,
                                  created.toJson())
                              .map(created);
                        }))
        .recover(CrmSqlErrors::fail);
  }

  public Future<Callback> get(long id) {
    return load(pool, id, false).recover(CrmSqlErrors::fail);
  }

  public Future<Page<Callback>> list(Filter filter) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> params = new ArrayList<>();
    if (filter.customerId() != null) {
      params.add(filter.customerId());
      where.append(" AND customer_id = $").append(params.size());
    }
    if (!filter.statuses().isEmpty()) {
      params.add(filter.statuses().toArray(String[]::new));
      where.append(" AND status = ANY($").append(params.size()).append(")");
    }
    if (filter.assignedUserId() != null) {
      params.add(filter.assignedUserId());
      where.append(" AND assigned_user_id = $").append(params.size());
    }
    if (filter.assignedQueue() != null) {
      params.add(filter.assignedQueue());
      where.append(" AND assigned_queue = $").append(params.size());
    }
    if (filter.dueBefore() != null) {
      params.add(Rows.timestamp(filter.dueBefore()));
      where.append(" AND due_at < $").append(params.size());
    }
    params.add(filter.limit() + 1);
    params.add(filter.offset());
    String sql =
        SELECT
            + where
            + " ORDER BY due_at, priority, id LIMIT $"
            + (params.size() - 1)
            + " OFFSET $"
            + params.size();
    return pool.preparedQuery(sql)
        .execute(Tuple.from(params))
        .map(
            rows -> {
              List<Callback> callbacks = new ArrayList<>();
              rows.forEach(row -> callbacks.add(map(row)));
              return Page.fromOneExtra(callbacks, filter.limit(), filter.offset());
            })
        .recover(CrmSqlErrors::fail);
  }

  /** Applies a change; a status change must follow {@link #TRANSITIONS} (else 409). */
  public Future<Callback> update(long userId, long id, Change change) {
    return pool.withTransaction(
            connection ->
                load(connection, id, true)
                    .compose(
                        before -> {
                          checkTransition(before, change.status());
                          boolean retry =
                              "pending".equals(change.status())
                                  && "in_progress".equals(before.status());
                          return connection
                              .preparedQuery(
                                  "UPDATE callbacks SET status = coalesce($2, status),"
                                      + " outcome = coalesce($3, outcome),"
                                      + " due_at = coalesce($4, due_at),"
                                      + " assigned_user_id = coalesce($5, assigned_user_id),"
                                      + " assigned_queue = coalesce($6, assigned_queue),"
                                      + " reason = coalesce($7, reason),"
                                      + " priority = coalesce($8, priority),"
                                      + " attempts = attempts + $9, updated_at = now(),"
                                      + " completed_at = CASE WHEN $2 IN ('done', 'cancelled')"
                                      + " THEN now() ELSE completed_at END WHERE id = $1")
                              .execute(
                                  Tuple.from(
                                      Arrays.asList(
                                          id,
                                          change.status(),
                                          change.outcome(),
                                          Rows.timestamp(change.dueAt()),
                                          change.assignedUserId(),
                                          change.assignedQueue(),
                                          change.reason(),
                                          change.priority(),
                                          retry || "done".equals(change.status()) ? 1 : 0)))
                              .compose(done -> load(connection, id, false))
                              .compose(
                                  after ->
                                      AuditTrail.record(
                                              connection,
                                              userId,
                                              "update",
                                              ENTITY,
                                              id,
                                              "",
                                              before.toJson(),
                                              after.toJson())
                                          .map(after));
                        }))
        .recover(CrmSqlErrors::fail);
  }

  /** The pending and in-progress callbacks of a customer (for the 360 view). */
  static Future<List<Callback>> pendingOf(SqlClient client, long customerId, int limit) {
    return client
        .preparedQuery(
            SELECT
                + " WHERE customer_id = $1 AND status IN ('pending', 'in_progress')"
                + " ORDER BY due_at, id LIMIT $2")
        .execute(Tuple.of(customerId, limit))
        .map(
            rows -> {
              List<Callback> callbacks = new ArrayList<>();
              rows.forEach(row -> callbacks.add(map(row)));
              return callbacks;
            });
  }

  private static void checkTransition(Callback before, String target) {
    Set<String> allowed = TRANSITIONS.getOrDefault(before.status(), Set.of());
    if (allowed.isEmpty()) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT, "callback " + before.id() + " is " + before.status() + " (final)");
    }
    if (target != null && !target.equals(before.status()) && !allowed.contains(target)) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT,
          "callback " + before.id() + " cannot go from " + before.status() + " to " + target,
          List.of(new FieldError("status", "cannot go from " + before.status())));
    }
  }

  private static Future<Callback> load(SqlClient client, long id, boolean forUpdate) {
    return client
        .preparedQuery(SELECT + " WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(id))
        .compose(
            rows ->
                rows.iterator().hasNext()
                    ? Future.succeededFuture(map(rows.iterator().next()))
                    : Future.failedFuture(
                        new SwitchboardException(ErrorCode.NOT_FOUND, "no callback " + id)));
  }

  static Callback map(Row row) {
    return new Callback(
        row.getLong("id"),
        row.getLong("customer_id"),
        row.getLong("contact_id"),
        row.getString("phone_e164"),
        Rows.instant(row, "due_at"),
        row.getLong("assigned_user_id"),
        row.getString("assigned_queue"),
        row.getString("reason"),
        row.getInteger("priority"),
        row.getString("status"),
        row.getString("outcome"),
        row.getInteger("attempts"),
        row.getLong("created_by"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"),
        Rows.instant(row, "completed_at"));
  }
}
