package io.switchboard.crm.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.model.Disposition;
import io.switchboard.crm.model.Interaction;
import io.switchboard.crm.model.Note;
import io.switchboard.crm.model.Relationship;
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
 * What happens around a customer: notes, dispositions, relationships to other customers and the
 * interactions timeline. Writes are audited in their transaction. Safe to use from any context.
 */
public final class CustomerActivityRepository {

  /** The customer kinds each relationship kind joins, from -> to (null: any). */
  private static final Map<String, List<String>> RELATIONSHIP_KINDS =
      Map.of(
          "works_for", List.of("individual", "organization"),
          "holds", List.of("organization", "organization"),
          "person_to_person", List.of("individual", "individual"));

  /** The relationship kinds there are. */
  public static final Set<String> RELATIONSHIP_KIND_NAMES =
      Set.of("works_for", "holds", "person_to_person", "trade");

  private static final String RELATIONSHIP_SELECT =
      "SELECT r.id, r.from_customer_id, f.name AS from_name, r.to_customer_id, t.name AS to_name,"
          + " r.kind, r.role, r.note, r.created_at FROM customer_relationships r"
          + " JOIN customers f ON f.id = r.from_customer_id"
          + " JOIN customers t ON t.id = r.to_customer_id";

  private final Pool pool;

  public CustomerActivityRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Note> addNote(long userId, long customerId, String body) {
    return pool.withTransaction(
            connection ->
                requireLive(connection, customerId)
                    .compose(
                        kind ->
                            connection
                                .preparedQuery(
                                    "INSERT INTO customer_notes (customer_id, user_id, body)"
                                        + " VALUES ($1, $2, $3) RETURNING id, created_at")
                                .execute(Tuple.of(customerId, userId, body)))
                    .compose(
                        rows -> {
                          Row row = rows.iterator().next();
                          Note note =
                              new Note(
                                  row.getLong(0),
                                  customerId,
                                  userId,
                                  body,
                                  Rows.instant(row, "created_at"));
                          return AuditTrail.record(
                                  connection,
                                  userId,
                                  "create",
                                  "note",
                                  note.id(),
                                  "",
                                  null,
                                  note.toJson())
                              .map(note);
                        }))
        .recover(CrmSqlErrors::fail);
  }

  public Future<Disposition> addDisposition(
      long userId, long customerId, Long callLogId, String code, String note) {
    return pool.withTransaction(
            connection ->
                requireLive(connection, customerId)
                    .compose(
                        kind ->
                            connection
                                .preparedQuery(
                                    "INSERT INTO call_dispositions (customer_id, call_log_id, code,"
                                        + " note, user_id) SELECT $1, $2, $3, $4, $5"
                                        + " FROM disposition_codes WHERE code = $3 AND active"
                                        + " RETURNING id, created_at")
                                .execute(
                                    Tuple.from(
                                        Arrays.asList(customerId, callLogId, code, note, userId))))
                    .compose(
                        rows -> {
                          if (!rows.iterator().hasNext()) {
                            return Future.failedFuture(
                                SwitchboardException.invalidFields(
                                    List.of(
                                        new FieldError(
                                            "code", "\"" + code + "\" is not an active code"))));
                          }
                          Row row = rows.iterator().next();
                          Disposition disposition =
                              new Disposition(
                                  row.getLong(0),
                                  customerId,
                                  callLogId,
                                  code,
                                  note,
                                  userId,
                                  Rows.instant(row, "created_at"));
                          return AuditTrail.record(
                                  connection,
                                  userId,
                                  "create",
                                  "disposition",
                                  disposition.id(),
                                  "",
                                  null,
                                  disposition.toJson())
                              .map(disposition);
                        }))
        .recover(CrmSqlErrors::fail);
  }

  /**
   * Relates two live customers. {@code works_for}, {@code holds} and {@code person_to_person} must
   * join the right kinds of customer; a {@code trade} relationship carries a role.
   */
  public Future<Relationship> relate(
      long userId, long fromId, long toId, String kind, String role, String note) {
    return pool.withTransaction(
            connection ->
                requireLive(connection, fromId)
                    .compose(
                        fromKind ->
                            requireLive(connection, toId)
                                .map(toKind -> checkKinds(kind, fromKind, toKind)))
                    .compose(
                        ok ->
                            connection
                                .preparedQuery(
                                    "INSERT INTO customer_relationships (from_customer_id,"
                                        + " to_customer_id, kind, role, note)"
                                        + " VALUES ($1, $2, $3, $4, $5) RETURNING id")
                                .execute(Tuple.from(Arrays.asList(fromId, toId, kind, role, note))))
                    .compose(
                        rows -> loadRelationship(connection, rows.iterator().next().getLong(0)))
                    .compose(
                        created ->
                            AuditTrail.record(
                                    connection,
                                    userId,
                                    "create",
                                    "relationship",
                                    created.id(),
                                    "",
                                    null,
                                    created.toJson())
                                .map(created)))
        .recover(CrmSqlErrors::fail);
  }

  public Future<Void> unrelate(long userId, long relationshipId) {
    return pool.withTransaction(
            connection ->
                loadRelationship(connection, relationshipId)
                    .compose(
                        before ->
                            connection
                                .preparedQuery("DELETE FROM customer_relationships WHERE id = $1")
                                .execute(Tuple.of(relationshipId))
                                .compose(
                                    done ->
                                        AuditTrail.record(
                                            connection,
                                            userId,
                                            "delete",
                                            "relationship",
                                            relationshipId,
                                            "",
                                            before.toJson(),
                                            null))))
        .recover(CrmSqlErrors::fail);
  }

  /** Relationships in which the customer is either side. */
  public Future<List<Relationship>> relationships(long customerId) {
    return relationshipsOn(pool, customerId).recover(CrmSqlErrors::fail);
  }

  static Future<List<Relationship>> relationshipsOn(SqlClient client, long customerId) {
    return client
        .preparedQuery(
            RELATIONSHIP_SELECT
                + " WHERE (r.from_customer_id = $1 OR r.to_customer_id = $1)"
                + " AND f.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY r.id")
        .execute(Tuple.of(customerId))
        .map(
            rows -> {
              List<Relationship> out = new ArrayList<>();
              rows.forEach(row -> out.add(mapRelationship(row)));
              return out;
            });
  }

  /** The customer's timeline, newest first, optionally before an instant (for paging). */
  public Future<List<Interaction>> timeline(long customerId, Instant before, int limit) {
    return timelineOn(pool, customerId, before, limit).recover(CrmSqlErrors::fail);
  }

  static Future<List<Interaction>> timelineOn(
      SqlClient client, long customerId, Instant before, int limit) {
    return client
        .preparedQuery(
            "SELECT at, kind, ref_id, user_id, summary FROM customer_interactions"
                + " WHERE customer_id = $1 AND ($2::timestamptz IS NULL OR at < $2)"
                + " ORDER BY at DESC, kind, ref_id DESC LIMIT $3")
        .execute(Tuple.of(customerId, Rows.timestamp(before), limit))
        .map(
            rows -> {
              List<Interaction> out = new ArrayList<>();
              rows.forEach(
                  row ->
                      out.add(
                          new Interaction(
                              Rows.instant(row, "at"),
                              row.getString("kind"),
                              row.getLong("ref_id"),
                              row.getLong("user_id"),
                              row.getString("summary"))));
              return out;
            });
  }

  /** The kind of a live customer, or 404. */
  static Future<String> requireLive(SqlClient client, long customerId) {
    return client
        .preparedQuery("SELECT kind FROM customers WHERE id = $1 AND deleted_at IS NULL")
        .execute(Tuple.of(customerId))
        .compose(
            rows ->
                rows.iterator().hasNext()
                    ? Future.succeededFuture(rows.iterator().next().getString(0))
                    : Future.failedFuture(CustomerRepository.notFound(customerId)));
  }

  private static boolean checkKinds(String kind, String fromKind, String toKind) {
    List<String> wanted = RELATIONSHIP_KINDS.get(kind);
    if (wanted != null && (!wanted.get(0).equals(fromKind) || !wanted.get(1).equals(toKind))) {
      throw SwitchboardException.invalidFields(
          List.of(
              new FieldError(
                  "kind",
                  kind
                      + " joins a "
                      + wanted.get(0)
                      + " to a "
                      + wanted.get(1)
                      + ", not a "
                      + fromKind
                      + " to a "
                      + toKind)));
    }
    return true;
  }

  private static Future<Relationship> loadRelationship(SqlClient client, long id) {
    return client
        .preparedQuery(RELATIONSHIP_SELECT + " WHERE r.id = $1")
        .execute(Tuple.of(id))
        .compose(
            rows ->
                rows.iterator().hasNext()
                    ? Future.succeededFuture(mapRelationship(rows.iterator().next()))
                    : Future.failedFuture(
                        new SwitchboardException(ErrorCode.NOT_FOUND, "no relationship " + id)));
  }

  private static Relationship mapRelationship(Row row) {
    return new Relationship(
        row.getLong("id"),
        row.getLong("from_customer_id"),
        row.getString("from_name"),
        row.getLong("to_customer_id"),
        row.getString("to_name"),
        row.getString("kind"),
        row.getString("role"),
        row.getString("note"),
        Rows.instant(row, "created_at"));
  }
}
