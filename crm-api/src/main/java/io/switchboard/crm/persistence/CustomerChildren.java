package io.switchboard.crm.persistence;

import io.switchboard.crm.model.CustomerDraft;
import io.switchboard.crm.model.CustomerDraft.PhoneDraft;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a customer's lists (tags, phones, addresses, anniversaries) on the caller's connection: a
 * list given in the draft replaces the stored one; a null list is left alone. Stateless.
 */
final class CustomerChildren {

  private CustomerChildren() {}

  static Future<Void> write(SqlClient connection, long customerId, CustomerDraft draft) {
    return replaceTags(connection, customerId, draft.tags())
        .compose(done -> replacePhones(connection, "customer_id", customerId, draft.phones()))
        .compose(done -> replaceAddresses(connection, customerId, draft))
        .compose(done -> replaceAnniversaries(connection, customerId, draft));
  }

  static Future<Void> replaceTags(SqlClient connection, long customerId, List<String> tags) {
    if (tags == null) {
      return Future.succeededFuture();
    }
    return connection
        .preparedQuery("DELETE FROM customer_tags WHERE customer_id = $1")
        .execute(Tuple.of(customerId))
        .compose(
            deleted -> {
              List<Tuple> batch = new ArrayList<>();
              tags.forEach(tag -> batch.add(Tuple.of(customerId, tag)));
              return batch(
                  connection,
                  "INSERT INTO customer_tags (customer_id, tag) VALUES ($1, $2)",
                  batch);
            });
  }

  /** Replaces the numbers of a customer ({@code owner} customer_id) or contact (contact_id). */
  static Future<Void> replacePhones(
      SqlClient connection, String owner, long ownerId, List<PhoneDraft> phones) {
    if (phones == null) {
      return Future.succeededFuture();
    }
    return connection
        .preparedQuery("DELETE FROM phone_numbers WHERE " + owner + " = $1")
        .execute(Tuple.of(ownerId))
        .compose(
            deleted -> {
              List<Tuple> batch = new ArrayList<>();
              phones.forEach(
                  phone ->
                      batch.add(Tuple.of(ownerId, phone.e164(), phone.asEntered(), phone.label())));
              return batch(
                  connection,
                  "INSERT INTO phone_numbers ("
                      + owner
                      + ", e164, as_entered, label) VALUES ($1, $2, $3, $4)",
                  batch);
            });
  }

  private static Future<Void> replaceAddresses(
      SqlClient connection, long customerId, CustomerDraft draft) {
    if (draft.addresses() == null) {
      return Future.succeededFuture();
    }
    return connection
        .preparedQuery("DELETE FROM customer_addresses WHERE customer_id = $1")
        .execute(Tuple.of(customerId))
        .compose(
            deleted -> {
              List<Tuple> batch = new ArrayList<>();
              draft
                  .addresses()
                  .forEach(
                      address ->
                          batch.add(
                              Tuple.of(
                                  customerId,
                                  address.label(),
                                  address.line(),
                                  address.regionId(),
                                  address.postalCode())));
              return batch(
                  connection,
                  "INSERT INTO customer_addresses (customer_id, label, line, region_id,"
                      + " postal_code) VALUES ($1, $2, $3, $4, $5)",
                  batch);
            });
  }

  private static Future<Void> replaceAnniversaries(
      SqlClient connection, long customerId, CustomerDraft draft) {
    if (draft.anniversaries() == null) {
      return Future.succeededFuture();
    }
    return connection
        .preparedQuery("DELETE FROM customer_anniversaries WHERE customer_id = $1")
        .execute(Tuple.of(customerId))
        .compose(
            deleted -> {
              List<Tuple> batch = new ArrayList<>();
              draft
                  .anniversaries()
                  .forEach(
                      day -> batch.add(Tuple.of(customerId, day.kind(), day.day(), day.note())));
              return batch(
                  connection,
                  "INSERT INTO customer_anniversaries (customer_id, kind, day, note)"
                      + " VALUES ($1, $2, $3, $4)",
                  batch);
            });
  }

  static Future<Void> batch(SqlClient connection, String sql, List<Tuple> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    return connection.preparedQuery(sql).executeBatch(batch).mapEmpty();
  }
}
