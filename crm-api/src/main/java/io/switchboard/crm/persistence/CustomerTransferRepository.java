package io.switchboard.crm.persistence;

import io.switchboard.crm.model.Customer;
import io.switchboard.crm.model.CustomerDraft;
import io.switchboard.crm.model.CustomerQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Bulk moves of customers: an import (all rows in one transaction, with a check of each row's
 * numbers against the store) and a streamed export (a cursor read in batches, each row handed to a
 * sink before the next batch is read). Both audited. Safe to use from any context.
 */
public final class CustomerTransferRepository {

  /** Rows an export reads from its cursor at a time. */
  public static final int EXPORT_BATCH = 500;

  private static final String EXISTING_NUMBERS =
      "SELECT p.e164, c.id FROM phone_numbers p"
          + " LEFT JOIN contacts ct ON ct.id = p.contact_id"
          + " JOIN customers c ON c.id = coalesce(p.customer_id, ct.customer_id)"
          + " WHERE p.e164 = ANY($1) AND c.deleted_at IS NULL"
          + " AND (ct.id IS NULL OR ct.deleted_at IS NULL) ORDER BY c.id";

  private final Pool pool;

  public CustomerTransferRepository(Pool pool) {
    this.pool = pool;
  }

  /** One row of an import: its row number in the file and the customer it describes. */
  public record ImportRow(int row, CustomerDraft draft) {}

  /**
   * What an import did: the id created for each row, and the rows refused by the store (column to
   * problem): a number that already belongs to a customer, a classification code, region or owner
   * that does not exist.
   */
  public record ImportOutcome(
      Map<Integer, Long> created, Map<Integer, Map<String, String>> conflicts) {}

  /**
   * Checks every row against the store and, unless {@code dryRun} (or a conflict when {@code
   * abortOnConflict}), stores the rows without conflicts, all in one transaction.
   */
  public Future<ImportOutcome> importRows(
      long userId, List<ImportRow> rows, boolean dryRun, boolean abortOnConflict) {
    return pool.withTransaction(
            connection ->
                conflicts(connection, rows)
                    .compose(
                        conflicts -> {
                          if (dryRun || abortOnConflict && !conflicts.isEmpty()) {
                            return Future.succeededFuture(new ImportOutcome(Map.of(), conflicts));
                          }
                          List<ImportRow> clean = new ArrayList<>();
                          rows.stream()
                              .filter(row -> !conflicts.containsKey(row.row()))
                              .forEach(clean::add);
                          return insert(connection, userId, clean)
                              .map(created -> new ImportOutcome(created, conflicts));
                        }))
        .recover(CrmSqlErrors::fail);
  }

  private static Future<Map<Integer, Map<String, String>>> conflicts(
      SqlConnection connection, List<ImportRow> rows) {
    List<String> numbers = new ArrayList<>();
    List<Long> regions = new ArrayList<>();
    List<Long> owners = new ArrayList<>();
    for (ImportRow row : rows) {
      row.draft().phones().forEach(phone -> numbers.add(phone.e164()));
      if (row.draft().regionId() != null) {
        regions.add(row.draft().regionId());
      }
      if (row.draft().ownerUserId() != null) {
        owners.add(row.draft().ownerUserId());
      }
    }
    Future<RowSet<Row>> owned =
        connection
            .preparedQuery(EXISTING_NUMBERS)
            .execute(Tuple.of(numbers.toArray(String[]::new)));
    Future<RowSet<Row>> codes =
        connection
            .query("SELECT category || '/' || code FROM dictionary_entries WHERE active")
            .execute();
    Future<RowSet<Row>> knownRegions =
        connection
            .preparedQuery("SELECT id FROM regions WHERE id = ANY($1)")
            .execute(Tuple.of(regions.toArray(Long[]::new)));
    Future<RowSet<Row>> knownOwners =
        connection
            .preparedQuery("SELECT id FROM users WHERE id = ANY($1)")
            .execute(Tuple.of(owners.toArray(Long[]::new)));
    return Future.all(owned, codes, knownRegions, knownOwners)
        .map(
            all -> {
              Map<String, Long> owner = new HashMap<>();
              owned.result().forEach(row -> owner.putIfAbsent(row.getString(0), row.getLong(1)));
              java.util.Set<Object> known = new java.util.HashSet<>();
              codes.result().forEach(row -> known.add(row.getString(0)));
              knownRegions.result().forEach(row -> known.add("region/" + row.getLong(0)));
              knownOwners.result().forEach(row -> known.add("owner/" + row.getLong(0)));
              Map<Integer, Map<String, String>> conflicts = new TreeMap<>();
              for (ImportRow row : rows) {
                Map<String, String> problems = new java.util.LinkedHashMap<>();
                CustomerDraft draft = row.draft();
                for (CustomerDraft.PhoneDraft phone : draft.phones()) {
                  Long existing = owner.get(phone.e164());
                  if (existing != null) {
                    problems.putIfAbsent(
                        "phones",
                        "number " + phone.e164() + " already belongs to customer " + existing);
                  }
                }
                unknown(problems, known, "customer_type", draft.customerType(), "customer type");
                unknown(problems, known, "value_tier", draft.valueTier(), "value tier");
                unknown(problems, known, "region", draft.regionId(), "region");
                unknown(problems, known, "owner", draft.ownerUserId(), "user");
                if (!problems.isEmpty()) {
                  conflicts.put(row.row(), problems);
                }
              }
              return conflicts;
            });
  }

  private static void unknown(
      Map<String, String> problems,
      java.util.Set<Object> known,
      String kind,
      Object value,
      String what) {
    if (value != null && !known.contains(kind + "/" + value)) {
      String column =
          switch (kind) {
            case "region" -> "region_id";
            case "owner" -> "owner_user_id";
            default -> kind;
          };
      problems.put(column, "there is no " + what + " \"" + value + "\"");
    }
  }

  private static Future<Map<Integer, Long>> insert(
      SqlConnection connection, long userId, List<ImportRow> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<Tuple> customers = new ArrayList<>();
    for (ImportRow row : rows) {
      CustomerDraft d = row.draft();
      customers.add(
          Tuple.from(
              java.util.Arrays.asList(
                  d.kind().wireName(),
                  d.name(),
                  d.customerType(),
                  d.valueTier(),
                  d.regionId(),
                  d.vip(),
                  d.goldMember(),
                  d.ownerUserId(),
                  d.email(),
                  d.website(),
                  d.faxE164(),
                  d.mainProducts(),
                  d.birthday(),
                  d.notes(),
                  userId)));
    }
    return connection
        .preparedQuery(
            "INSERT INTO customers (kind, name, customer_type, value_tier, region_id, vip,"
                + " gold_member, owner_user_id, email, website, fax_e164, main_products, birthday,"
                + " notes, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                + " $13, $14, $15) RETURNING id")
        .executeBatch(customers)
        .compose(
            inserted -> {
              Map<Integer, Long> created = new TreeMap<>();
              RowSet<Row> result = inserted;
              for (ImportRow row : rows) {
                created.put(row.row(), result.iterator().next().getLong(0));
                result = result.next();
              }
              return children(connection, userId, rows, created).map(created);
            });
  }

  private static Future<Void> children(
      SqlConnection connection, long userId, List<ImportRow> rows, Map<Integer, Long> created) {
    List<Tuple> phones = new ArrayList<>();
    List<Tuple> tags = new ArrayList<>();
    List<Tuple> audit = new ArrayList<>();
    for (ImportRow row : rows) {
      long id = created.get(row.row());
      row.draft()
          .phones()
          .forEach(
              phone -> phones.add(Tuple.of(id, phone.e164(), phone.asEntered(), phone.label())));
      row.draft().tags().forEach(tag -> tags.add(Tuple.of(id, tag)));
      JsonObject after =
          new JsonObject()
              .put("name", row.draft().name())
              .put("kind", row.draft().kind().wireName())
              .put("row", row.row());
      audit.add(
          Tuple.from(
              java.util.Arrays.asList(
                  userId,
                  "import",
                  CustomerRepository.ENTITY,
                  Long.toString(id),
                  "csv",
                  null,
                  after)));
    }
    return CustomerChildren.batch(
            connection,
            "INSERT INTO phone_numbers (customer_id, e164, as_entered, label)"
                + " VALUES ($1, $2, $3, $4)",
            phones)
        .compose(
            done ->
                CustomerChildren.batch(
                    connection,
                    "INSERT INTO customer_tags (customer_id, tag) VALUES ($1, $2)",
                    tags))
        .compose(done -> CustomerChildren.batch(connection, AuditTrail.INSERT, audit));
  }

  /**
   * Streams the customers matching {@code query} (up to its limit) to {@code sink}, one at a time:
   * the next row goes out only when the sink's future for the last one has completed, so a slow
   * client slows the export instead of filling memory.
   *
   * @return how many customers were exported
   */
  public Future<Long> export(
      long userId, CustomerQuery query, Function<Customer, Future<Void>> sink) {
    CustomerSearchSql sql = CustomerSearchSql.of(query);
    String text =
        CustomerRows.SELECT
            + sql.where()
            + CustomerSearchSql.orderBy(query)
            + " LIMIT $"
            + sql.nextParam();
    return pool.withTransaction(
            connection ->
                connection
                    .prepare(text)
                    .compose(
                        statement -> {
                          Cursor cursor = statement.cursor(sql.params(query.limit()));
                          return drain(cursor, sink, 0L).eventually(cursor::close);
                        })
                    .compose(
                        count ->
                            AuditTrail.record(
                                    connection,
                                    userId,
                                    "export",
                                    CustomerRepository.ENTITY,
                                    null,
                                    count + " customers as CSV",
                                    null,
                                    new JsonObject()
                                        .put("count", count)
                                        .put("name", query.name())
                                        .put("tags", new JsonArray(query.tags())))
                                .map(count)))
        .recover(CrmSqlErrors::fail);
  }

  private static Future<Long> drain(
      Cursor cursor, Function<Customer, Future<Void>> sink, long sent) {
    return cursor
        .read(EXPORT_BATCH)
        .compose(
            rows -> {
              Future<Void> chain = Future.succeededFuture();
              for (Row row : rows) {
                Customer customer = CustomerRows.map(row);
                chain = chain.compose(done -> sink.apply(customer));
              }
              long total = sent + rows.size();
              return chain.compose(
                  done ->
                      cursor.hasMore()
                          ? drain(cursor, sink, total)
                          : Future.succeededFuture(total));
            });
  }
}
