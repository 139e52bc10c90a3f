package io.switchboard.crm.persistence;

import io.switchboard.core.http.Page;
import io.switchboard.crm.model.CallSummary;
import io.switchboard.crm.model.Customer;
import io.switchboard.crm.model.Customer360;
import io.switchboard.crm.model.CustomerKind;
import io.switchboard.crm.model.CustomerQuery;
import io.switchboard.crm.model.LookupMatch;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The read side of customers: search, lookup by phone (the screen pop, one statement) and the 360
 * view (one transaction). Lookups and 360 views are audited as reads. Safe to use from any context.
 */
public final class CustomerViewRepository {

  /** How many of each list the 360 view carries. */
  public static final int VIEW_CALLS = 20;

  public static final int VIEW_TICKETS = 50;
  public static final int VIEW_CALLBACKS = 50;
  public static final int VIEW_TIMELINE = 50;

  private final Pool pool;

  public CustomerViewRepository(Pool pool) {
    this.pool = pool;
  }

  /** One page of the customers matching every condition of {@code query}. */
  public Future<Page<Customer>> search(CustomerQuery query) {
    CustomerSearchSql sql = CustomerSearchSql.of(query);
    int limitParam = sql.nextParam();
    String text =
        CustomerRows.SELECT
            + sql.where()
            + CustomerSearchSql.orderBy(query)
            + " LIMIT $"
            + limitParam
            + " OFFSET $"
            + (limitParam + 1);
    return pool.preparedQuery(text)
        .execute(sql.params(query.limit() + 1, query.offset()))
        .map(
            rows -> {
              List<Customer> found = new ArrayList<>();
              rows.forEach(row -> found.add(CustomerRows.map(row)));
              return Page.fromOneExtra(found, query.limit(), query.offset());
            })
        .recover(CrmSqlErrors::fail);
  }

  /** Every live customer reachable at {@code e164}, ranked; each one found is audited as read. */
  public Future<List<LookupMatch>> lookup(long userId, String e164, int limit) {
    return pool.preparedQuery(CustomerLookupSql.LOOKUP)
        .execute(Tuple.of(e164, userId, limit))
        .map(
            rows -> {
              List<LookupMatch> matches = new ArrayList<>();
              rows.forEach(row -> matches.add(mapMatch(row)));
              return matches;
            })
        .recover(CrmSqlErrors::fail);
  }

  /** The customer and everything around it, read in one transaction and audited as one read. */
  public Future<Customer360> view360(long userId, long id) {
    return pool.withTransaction(
            connection ->
                CustomerRows.load(connection, id, false)
                    .map(found -> CustomerRepository.visible(found, id, false))
                    .compose(customer -> around(connection, customer))
                    .compose(
                        view ->
                            AuditTrail.record(
                                    connection,
                                    userId,
                                    "read",
                                    CustomerRepository.ENTITY,
                                    id,
                                    "360",
                                    null,
                                    null)
                                .map(view)))
        .recover(CrmSqlErrors::fail);
  }

  /** The lists around a customer; the queries queue on the one connection of the transaction. */
  private static Future<Customer360> around(SqlClient connection, Customer customer) {
    long id = customer.id();
    return Future.all(
            List.of(
                ContactRepository.listOn(connection, id),
                CustomerActivityRepository.relationshipsOn(connection, id),
                recentCalls(connection, id),
                TicketRepository.openOf(connection, id, VIEW_TICKETS),
                CallbackRepository.pendingOf(connection, id, VIEW_CALLBACKS),
                CustomerActivityRepository.timelineOn(connection, id, null, VIEW_TIMELINE)))
        .map(
            lists ->
                new Customer360(
                    customer,
                    lists.resultAt(0),
                    lists.resultAt(1),
                    lists.resultAt(2),
                    lists.resultAt(3),
                    lists.resultAt(4),
                    lists.resultAt(5)));
  }

  private static Future<List<CallSummary>> recentCalls(SqlClient client, long customerId) {
    return client
        .preparedQuery(
            "SELECT id, direction, caller_number, dialled_number, queue, agent_user_id,"
                + " started_at, answered_at, ended_at, talk_ms, outcome, disposition"
                + " FROM call_logs WHERE customer_id = $1 ORDER BY started_at DESC, id DESC"
                + " LIMIT $2")
        .execute(Tuple.of(customerId, VIEW_CALLS))
        .map(
            rows -> {
              List<CallSummary> calls = new ArrayList<>();
              rows.forEach(
                  row ->
                      calls.add(
                          new CallSummary(
                              row.getLong("id"),
                              row.getString("direction"),
                              row.getString("caller_number"),
                              row.getString("dialled_number"),
                              row.getString("queue"),
                              row.getLong("agent_user_id"),
                              Rows.instant(row, "started_at"),
                              Rows.instant(row, "answered_at"),
                              Rows.instant(row, "ended_at"),
                              row.getLong("talk_ms"),
                              row.getString("outcome"),
                              row.getString("disposition"))));
              return calls;
            });
  }

  private static LookupMatch mapMatch(Row row) {
    return new LookupMatch(
        row.getLong("id"),
        row.getString("name"),
        CustomerKind.fromWire(row.getString("kind")),
        row.getBoolean("vip"),
        row.getBoolean("gold_member"),
        row.getString("customer_type"),
        row.getString("value_tier"),
        row.getLong("owner_user_id"),
        row.getString("via"),
        row.getLong("contact_id"),
        row.getString("contact_name"),
        row.getString("e164"),
        row.getString("label"),
        Rows.instant(row, "last_call_at"),
        row.getLong("open_tickets").intValue());
  }
}
