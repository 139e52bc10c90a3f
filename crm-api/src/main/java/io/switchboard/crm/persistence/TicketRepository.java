package io.switchboard.crm.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.Page;
import io.switchboard.crm.model.Ticket;
import io.switchboard.crm.model.TicketStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Tickets (complaint, suggestion, service request), their one-step-at-a-time status flow, work
 * records and satisfaction results; every change audited in its transaction. Safe to use from any
 * context.
 */
public final class TicketRepository {

  static final String SELECT =
      "SELECT id, customer_id, contact_id, kind, subject, description, priority, status,"
          + " assignee_user_id, call_log_id, created_by, created_at, updated_at, resolved_at,"
          + " closed_at, satisfaction, satisfaction_comment FROM tickets";

  private static final String ENTITY = "ticket";

  private final Pool pool;

  public TicketRepository(Pool pool) {
    this.pool = pool;
  }

  /** What a new ticket says. */
  public record Draft(
      long customerId,
      Long contactId,
      String kind,
      String subject,
      String description,
      String priority,
      Long callLogId) {}

  /** Which tickets to list; null fields do not filter. */
  public record Filter(
      Long customerId,
      List<String> statuses,
      Long assigneeUserId,
      String kind,
      int limit,
      int offset) {}

  public Future<Ticket> create(long userId, Draft draft) {
    return inTransaction(
        connection ->
            connection
                .preparedQuery(
                    "INSERT INTO tickets (customer_id, contact_id, kind, subject, description,"
                        + " priority, call_log_id, created_by) SELECT $1, $2, $3, $4, $5, $6, $7,"
                        + " $8 FROM customers WHERE id = $1 AND deleted_at IS NULL RETURNING id")
                .execute(
                    Tuple.from(
                        Arrays.asList(
                            draft.customerId(),
                            draft.contactId(),
                            draft.kind(),
                            draft.subject(),
                            draft.description(),
                            draft.priority(),
                            draft.callLogId(),
                            userId)))
                .compose(
                    rows -> {
                      if (!rows.iterator().hasNext()) {
                        return Future.failedFuture(
                            SwitchboardException.invalidFields(
                                List.of(
                                    new FieldError(
                                        "customerId", "no customer " + draft.customerId()))));
                      }
                      return load(connection, rows.iterator().next().getLong(0), false);
                    })
                .compose(created -> audit(connection, userId, "create", null, created)));
  }

  public Future<Ticket> get(long id) {
    return load(pool, id, false).recover(CrmSqlErrors::fail);
  }

  public Future<Page<Ticket>> list(Filter filter) {
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
    if (filter.assigneeUserId() != null) {
      params.add(filter.assigneeUserId());
      where.append(" AND assignee_user_id = $").append(params.size());
    }
    if (filter.kind() != null) {
      params.add(filter.kind());
      where.append(" AND kind = $").append(params.size());
    }
    params.add(filter.limit() + 1);
    params.add(filter.offset());
    String sql =
        SELECT
            + where
            + " ORDER BY created_at DESC, id DESC LIMIT $"
            + (params.size() - 1)
            + " OFFSET $"
            + params.size();
    return pool.preparedQuery(sql)
        .execute(Tuple.from(params))
        .map(
            rows -> {
              List<Ticket> tickets = new ArrayList<>();
              rows.forEach(row -> tickets.add(map(row)));
              return Page.fromOneExtra(tickets, filter.limit(), filter.offset());
            })
        .recover(CrmSqlErrors::fail);
  }

  /**
   * Moves a ticket one step along its flow.
   *
   * @param assigneeUserId required to move to {@code assigned}; ignored otherwise
   * @throws SwitchboardException CONFLICT for a move the flow does not allow
   */
  public Future<Ticket> changeStatus(
      long userId, long id, TicketStatus target, Long assigneeUserId) {
    return change(
        userId,
        id,
        before -> {
          if (!before.status().canMoveTo(target)) {
            String next =
                before.status().next().map(TicketStatus::wireName).orElse("nothing (closed)");
            throw new SwitchboardException(
                ErrorCode.CONFLICT,
                "ticket "
                    + id
                    + " cannot go from "
                    + before.status().wireName()
                    + " to "
                    + target.wireName()
                    + "; its next status is "
                    + next,
                List.of(new FieldError("status", "cannot go from " + before.status().wireName())));
          }
          if (target == TicketStatus.ASSIGNED && assigneeUserId == null) {
            throw SwitchboardException.invalidFields(
                List.of(new FieldError("assigneeUserId", "is required to assign a ticket")));
          }
          return Tuple.of(target.wireName(), assigneeUserId);
        },
        "UPDATE tickets SET status = $2, assignee_user_id = coalesce($3, assignee_user_id),"
            + " assigned_at = CASE WHEN $2 = 'assigned' THEN now() ELSE assigned_at END,"
            + " resolved_at = CASE WHEN $2 = 'resolved' THEN now() ELSE resolved_at END,"
            + " closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END,"
            + " updated_at = now() WHERE id = $1");
  }

  /** Hands an open ticket that already has an assignee to someone else. */
  public Future<Ticket> reassign(long userId, long id, long assigneeUserId) {
    return change(
        userId,
        id,
        before -> {
          if (before.status() == TicketStatus.NEW || before.status() == TicketStatus.CLOSED) {
            throw new SwitchboardException(
                ErrorCode.CONFLICT,
                "ticket "
                    + id
                    + " is "
                    + before.status().wireName()
                    + "; assign a new ticket by moving it to assigned, and closed tickets stay"
                    + " as they are");
          }
          return Tuple.of(assigneeUserId);
        },
        "UPDATE tickets SET assignee_user_id = $2, assigned_at = now(), updated_at = now()"
            + " WHERE id = $1");
  }

  /** Records the customer's satisfaction (1 to 5) with a resolved or closed ticket. */
  public Future<Ticket> rate(long userId, long id, int score, String comment) {
    return change(
        userId,
        id,
        before -> {
          if (before.status() != TicketStatus.RESOLVED && before.status() != TicketStatus.CLOSED) {
            throw new SwitchboardException(
                ErrorCode.CONFLICT,
                "ticket "
                    + id
                    + " is "
                    + before.status().wireName()
                    + "; satisfaction is recorded once it is resolved");
          }
          return Tuple.of(score, comment);
        },
        "UPDATE tickets SET satisfaction = $2, satisfaction_comment = $3, updated_at = now()"
            + " WHERE id = $1");
  }

  /** Adds a work record to a ticket that is not closed. */
  public Future<Ticket> addWorkRecord(long userId, long id, String note, int minutes) {
    return inTransaction(
        connection ->
            load(connection, id, true)
                .compose(
                    before -> {
                      if (before.status() == TicketStatus.CLOSED) {
                        return Future.failedFuture(
                            new SwitchboardException(
                                ErrorCode.CONFLICT, "ticket " + id + " is closed"));
                      }
                      return connection
                          .preparedQuery(
                              "INSERT INTO ticket_work_records (ticket_id, user_id, note, minutes)"
                                  + " VALUES ($1, $2, $3, $4)")
                          .execute(Tuple.of(id, userId, note, minutes))
                          .compose(done -> load(connection, id, false))
                          .compose(after -> audit(connection, userId, "update", before, after));
                    }));
  }

  /** The open tickets of a customer, newest first (for the 360 view). */
  static Future<List<Ticket>> openOf(SqlClient client, long customerId, int limit) {
    return client
        .preparedQuery(
            SELECT
                + " WHERE customer_id = $1 AND status <> 'closed'"
                + " ORDER BY created_at DESC, id DESC LIMIT $2")
        .execute(Tuple.of(customerId, limit))
        .map(
            rows -> {
              List<Ticket> tickets = new ArrayList<>();
              rows.forEach(row -> tickets.add(map(row)));
              return tickets;
            });
  }

  private Future<Ticket> change(
      long userId, long id, Function<Ticket, Tuple> check, String update) {
    return inTransaction(
        connection ->
            load(connection, id, true)
                .compose(
                    before -> {
                      Tuple values = check.apply(before);
                      List<Object> all = new ArrayList<>();
                      all.add(id);
                      for (int i = 0; i < values.size(); i++) {
                        all.add(values.getValue(i));
                      }
                      return connection
                          .preparedQuery(update)
                          .execute(Tuple.from(all))
                          .compose(done -> load(connection, id, false))
                          .compose(after -> audit(connection, userId, "update", before, after));
                    }));
  }

  private <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(work).recover(CrmSqlErrors::fail);
  }

  private static Future<Ticket> audit(
      SqlClient connection, long userId, String action, Ticket before, Ticket after) {
    return AuditTrail.record(
            connection,
            userId,
            action,
            ENTITY,
            after.id(),
            "",
            before == null ? null : before.toJson(),
            after.toJson())
        .map(after);
  }

  private static Future<Ticket> load(SqlClient client, long id, boolean forUpdate) {
    return client
        .preparedQuery(SELECT + " WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(id))
        .compose(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return Future.failedFuture(
                    new SwitchboardException(ErrorCode.NOT_FOUND, "no ticket " + id));
              }
              Ticket ticket = map(rows.iterator().next());
              return client
                  .preparedQuery(
                      "SELECT id, user_id, note, minutes, created_at FROM ticket_work_records"
                          + " WHERE ticket_id = $1 ORDER BY created_at, id")
                  .execute(Tuple.of(id))
                  .map(
                      records -> {
                        List<Ticket.WorkRecord> list = new ArrayList<>();
                        records.forEach(
                            row ->
                                list.add(
                                    new Ticket.WorkRecord(
                                        row.getLong("id"),
                                        row.getLong("user_id"),
                                        row.getString("note"),
                                        row.getInteger("minutes"),
                                        Rows.instant(row, "created_at"))));
                        return ticket.withWorkRecords(list);
                      });
            });
  }

  static Ticket map(Row row) {
    return new Ticket(
        row.getLong("id"),
        row.getLong("customer_id"),
        row.getLong("contact_id"),
        row.getString("kind"),
        row.getString("subject"),
        row.getString("description"),
        row.getString("priority"),
        TicketStatus.fromWire(row.getString("status")).orElseThrow(),
        row.getLong("assignee_user_id"),
        row.getLong("call_log_id"),
        row.getLong("created_by"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"),
        Rows.instant(row, "resolved_at"),
        Rows.instant(row, "closed_at"),
        Rows.integer(row, "satisfaction"),
        row.getString("satisfaction_comment"),
        List.of());
  }
}
