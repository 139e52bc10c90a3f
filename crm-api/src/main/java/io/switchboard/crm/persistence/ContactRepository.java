package io.switchboard.crm.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.model.Contact;
import io.switchboard.crm.model.ContactDraft;
import io.switchboard.crm.model.PhoneNumber;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Contacts of organisation customers, with their phone numbers; changes audited in their
 * transaction. Safe to use from any context.
 */
public final class ContactRepository {

  static final String SELECT =
      "SELECT ct.id, ct.customer_id, ct.name, ct.title, ct.email, ct.created_at, ct.updated_at,"
          + " (SELECT json_agg(json_build_object('id', p.id, 'e164', p.e164, 'asEntered',"
          + " p.as_entered, 'label', p.label) ORDER BY p.id) FROM phone_numbers p"
          + " WHERE p.contact_id = ct.id) AS phones FROM contacts ct";

  private static final String ENTITY = "contact";

  private final Pool pool;

  public ContactRepository(Pool pool) {
    this.pool = pool;
  }

  /** Adds a contact to an organisation customer that is not deleted. */
  public Future<Contact> create(long userId, long customerId, ContactDraft draft) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "SELECT kind FROM customers WHERE id = $1 AND deleted_at IS NULL FOR SHARE")
                    .execute(Tuple.of(customerId))
                    .compose(
                        rows -> {
                          if (!rows.iterator().hasNext()) {
                            return Future.failedFuture(CustomerRepository.notFound(customerId));
                          }
                          if (!"organization".equals(rows.iterator().next().getString(0))) {
                            return Future.failedFuture(
                                SwitchboardException.invalidFields(
                                    List.of(
                                        new FieldError(
                                            "customerId",
                                            "customer "
                                                + customerId
                                                + " is an individual; only organisations have"
                                                + " contacts"))));
                          }
                          return connection
                              .preparedQuery(
                                  "INSERT INTO contacts (customer_id, name, title, email)"
                                      + " VALUES ($1, $2, $3, $4) RETURNING id")
                              .execute(
                                  Tuple.of(customerId, draft.name(), draft.title(), draft.email()));
                        })
                    .compose(
                        rows -> {
                          long id = rows.iterator().next().getLong(0);
                          return CustomerChildren.replacePhones(
                                  connection, "contact_id", id, draft.phones())
                              .compose(done -> load(connection, id))
                              .map(Optional::orElseThrow);
                        })
                    .compose(
                        created ->
                            AuditTrail.record(
                                    connection,
                                    userId,
                                    "create",
                                    ENTITY,
                                    created.id(),
                                    "customer " + customerId,
                                    null,
                                    created.toJson())
                                .map(created)))
        .recover(CrmSqlErrors::fail);
  }

  /** Applies {@code change} to a contact that is not deleted. */
  public Future<Contact> update(long userId, long id, Function<Contact, ContactDraft> change) {
    return pool.withTransaction(
            connection ->
                load(connection, id)
                    .map(found -> found.orElseThrow(() -> notFound(id)))
                    .compose(
                        before -> {
                          ContactDraft draft = change.apply(before);
                          return connection
                              .preparedQuery(
                                  "UPDATE contacts SET name = $2, title = $3, email = $4,"
                                      + " updated_at = now() WHERE id = $1")
                              .execute(Tuple.of(id, draft.name(), draft.title(), draft.email()))
                              .compose(
                                  done ->
                                      CustomerChildren.replacePhones(
                                          connection, "contact_id", id, draft.phones()))
                              .compose(done -> load(connection, id))
                              .map(Optional::orElseThrow)
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

  /** Marks a contact deleted; its numbers no longer find the customer. */
  public Future<Void> softDelete(long userId, long id) {
    return pool.withTransaction(
            connection ->
                load(connection, id)
                    .map(found -> found.orElseThrow(() -> notFound(id)))
                    .compose(
                        before ->
                            connection
                                .preparedQuery(
                                    "UPDATE contacts SET deleted_at = now(), updated_at = now()"
                                        + " WHERE id = $1")
                                .execute(Tuple.of(id))
                                .compose(
                                    done ->
                                        AuditTrail.record(
                                            connection,
                                            userId,
                                            "delete",
                                            ENTITY,
                                            id,
                                            "",
                                            before.toJson(),
                                            null))))
        .recover(CrmSqlErrors::fail);
  }

  /** The live contacts of a customer. */
  public Future<List<Contact>> list(long customerId) {
    return listOn(pool, customerId).recover(CrmSqlErrors::fail);
  }

  static Future<List<Contact>> listOn(SqlClient client, long customerId) {
    return client
        .preparedQuery(
            SELECT + " WHERE ct.customer_id = $1 AND ct.deleted_at IS NULL ORDER BY ct.name, ct.id")
        .execute(Tuple.of(customerId))
        .map(
            rows -> {
              List<Contact> contacts = new ArrayList<>();
              rows.forEach(row -> contacts.add(map(row)));
              return contacts;
            });
  }

  private static Future<Optional<Contact>> load(SqlClient client, long id) {
    return client
        .preparedQuery(SELECT + " WHERE ct.id = $1 AND ct.deleted_at IS NULL")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.iterator().hasNext()
                    ? Optional.of(map(rows.iterator().next()))
                    : Optional.empty());
  }

  static Contact map(Row row) {
    return new Contact(
        row.getLong("id"),
        row.getLong("customer_id"),
        row.getString("name"),
        row.getString("title"),
        row.getString("email"),
        Rows.list(row.getValue("phones"), PhoneNumber::fromJson),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }

  private static SwitchboardException notFound(long id) {
    return new SwitchboardException(ErrorCode.NOT_FOUND, "no contact " + id);
  }
}
