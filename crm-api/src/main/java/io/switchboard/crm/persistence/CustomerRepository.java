package io.switchboard.crm.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.model.Customer;
import io.switchboard.crm.model.CustomerDraft;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Creates, reads, updates, soft-deletes and restores customers. Every change and every read of a
 * record writes its audit row in the same transaction. Returns domain records; SQL errors come back
 * as Switchboard errors. Safe to use from any context.
 */
public final class CustomerRepository {

  static final String ENTITY = "customer";

  private static final String INSERT =
      "INSERT INTO customers (kind, name, customer_type, value_tier, region_id, vip, gold_member,"
          + " owner_user_id, email, website, fax_e164, main_products, birthday, notes, created_by)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
          + " RETURNING id";

  private static final String UPDATE =
      "UPDATE customers SET kind = $2, name = $3, customer_type = $4, value_tier = $5,"
          + " region_id = $6, vip = $7, gold_member = $8, owner_user_id = $9, email = $10,"
          + " website = $11, fax_e164 = $12, main_products = $13, birthday = $14, notes = $15,"
          + " version = version + 1, updated_at = now() WHERE id = $1";

  private final Pool pool;

  public CustomerRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a new customer with its lists and returns it as stored. */
  public Future<Customer> create(long userId, CustomerDraft draft) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(INSERT)
                    .execute(Tuple.from(insertValues(draft, userId)))
                    .compose(
                        rows -> {
                          long id = rows.iterator().next().getLong(0);
                          return CustomerChildren.write(connection, id, draft)
                              .compose(done -> CustomerRows.load(connection, id, false))
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
                                    "",
                                    null,
                                    created.toJson())
                                .map(created)))
        .recover(CrmSqlErrors::fail);
  }

  /**
   * The customer with this id, audited as a read.
   *
   * @param includeDeleted whether a soft-deleted customer is found too
   */
  public Future<Customer> get(long userId, long id, boolean includeDeleted, String detail) {
    return pool.withTransaction(
            connection ->
                CustomerRows.load(connection, id, false)
                    .map(found -> visible(found, id, includeDeleted))
                    .compose(
                        customer ->
                            AuditTrail.record(
                                    connection, userId, "read", ENTITY, id, detail, null, null)
                                .map(customer)))
        .recover(CrmSqlErrors::fail);
  }

  /**
   * Applies {@code change} to the current state of a (not deleted) customer and stores the result.
   *
   * @param expectedVersion when not null, the update fails with 409 unless the stored version is
   *     this one (someone else changed the customer meanwhile)
   */
  public Future<Customer> update(
      long userId,
      long id,
      Integer expectedVersion,
      java.util.function.Function<Customer, CustomerDraft> change) {
    return pool.withTransaction(
            connection ->
                CustomerRows.load(connection, id, true)
                    .map(found -> visible(found, id, false))
                    .compose(
                        before -> {
                          if (expectedVersion != null && expectedVersion != before.version()) {
                            return Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.CONFLICT,
                                    "customer "
                                        + id
                                        + " is at version "
                                        + before.version()
                                        + ", not "
                                        + expectedVersion
                                        + "; reload it and apply the change again",
                                    List.of(new FieldError("version", "is out of date"))));
                          }
                          CustomerDraft draft = change.apply(before);
                          return connection
                              .preparedQuery(UPDATE)
                              .execute(Tuple.from(updateValues(id, draft)))
                              .compose(done -> CustomerChildren.write(connection, id, draft))
                              .compose(done -> CustomerRows.load(connection, id, false))
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

  /** Marks a customer deleted; it disappears from search and lookup until restored. */
  public Future<Customer> softDelete(long userId, long id) {
    return setDeleted(userId, id, true);
  }

  /** Brings a soft-deleted customer back. */
  public Future<Customer> restore(long userId, long id) {
    return setDeleted(userId, id, false);
  }

  private Future<Customer> setDeleted(long userId, long id, boolean delete) {
    return pool.withTransaction(
            connection ->
                CustomerRows.load(connection, id, true)
                    .compose(
                        found -> {
                          Customer before = found.orElseThrow(() -> notFound(id));
                          if (before.deleted() == delete) {
                            return Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.CONFLICT,
                                    "customer "
                                        + id
                                        + " is "
                                        + (delete ? "already" : "not")
                                        + " deleted"));
                          }
                          return connection
                              .preparedQuery(
                                  "UPDATE customers SET deleted_at = "
                                      + (delete ? "now()" : "NULL")
                                      + ", version = version + 1, updated_at = now() WHERE id = $1")
                              .execute(Tuple.of(id))
                              .compose(done -> CustomerRows.load(connection, id, false))
                              .map(Optional::orElseThrow)
                              .compose(
                                  after ->
                                      AuditTrail.record(
                                              connection,
                                              userId,
                                              delete ? "delete" : "restore",
                                              ENTITY,
                                              id,
                                              "",
                                              before.toJson(),
                                              after.toJson())
                                          .map(after));
                        }))
        .recover(CrmSqlErrors::fail);
  }

  /** Runs {@code work} on a connection in a transaction (for repositories built on this one). */
  <T> Future<T> inTransaction(java.util.function.Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(work).recover(CrmSqlErrors::fail);
  }

  static Customer visible(Optional<Customer> found, long id, boolean includeDeleted) {
    Customer customer = found.orElseThrow(() -> notFound(id));
    if (customer.deleted() && !includeDeleted) {
      throw notFound(id);
    }
    return customer;
  }

  static SwitchboardException notFound(long id) {
    return new SwitchboardException(ErrorCode.NOT_FOUND, "no customer " + id);
  }

  private static List<Object> insertValues(CustomerDraft draft, long userId) {
    return Arrays.asList(
        draft.kind().wireName(),
        draft.name(),
        draft.customerType(),
        draft.valueTier(),
        draft.regionId(),
        draft.vip(),
        draft.goldMember(),
        draft.ownerUserId(),
        draft.email(),
        draft.website(),
        draft.faxE164(),
        draft.mainProducts(),
        draft.birthday(),
        draft.notes(),
        userId);
  }

  private static List<Object> updateValues(long id, CustomerDraft draft) {
    List<Object> values = new java.util.ArrayList<>();
    values.add(id);
    values.addAll(insertValues(draft, 0).subList(0, 14));
    return values;
  }
}
