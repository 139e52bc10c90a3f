package io.switchboard.crm.persistence;

import io.switchboard.crm.model.Address;
import io.switchboard.crm.model.Anniversary;
import io.switchboard.crm.model.Customer;
import io.switchboard.crm.model.CustomerKind;
import io.switchboard.crm.model.PhoneNumber;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * The one SELECT that reads a whole customer (tags, phones, addresses, anniversaries aggregated in
 * the same row) and its mapping to {@link Customer}. Stateless.
 */
final class CustomerRows {

  static final String SELECT =
      "SELECT c.id, c.kind, c.name, c.customer_type, c.value_tier, c.region_id, c.vip,"
          + " c.gold_member, c.owner_user_id, c.email, c.website, c.fax_e164, c.main_products,"
          + " c.birthday, c.notes, c.created_at, c.updated_at, c.deleted_at, c.version,"
          + " ARRAY(SELECT t.tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY t.tag)"
          + " AS tags,"
          + " (SELECT json_agg(json_build_object('id', p.id, 'e164', p.e164, 'asEntered',"
          + " p.as_entered, 'label', p.label) ORDER BY p.id) FROM phone_numbers p"
          + " WHERE p.customer_id = c.id) AS phones,"
          + " (SELECT json_agg(json_build_object('id', a.id, 'label', a.label, 'line', a.line,"
          + " 'regionId', a.region_id, 'postalCode', a.postal_code) ORDER BY a.id)"
          + " FROM customer_addresses a WHERE a.customer_id = c.id) AS addresses,"
          + " (SELECT json_agg(json_build_object('id', v.id, 'kind', v.kind, 'day', v.day,"
          + " 'note', v.note) ORDER BY v.day, v.id) FROM customer_anniversaries v"
          + " WHERE v.customer_id = c.id) AS anniversaries"
          + " FROM customers c";

  private CustomerRows() {}

  /** The customer with this id, deleted or not. */
  static Future<Optional<Customer>> load(SqlClient client, long id, boolean forUpdate) {
    return client
        .preparedQuery(SELECT + " WHERE c.id = $1" + (forUpdate ? " FOR UPDATE OF c" : ""))
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.iterator().hasNext()
                    ? Optional.of(map(rows.iterator().next()))
                    : Optional.empty());
  }

  static Customer map(Row row) {
    return new Customer(
        row.getLong("id"),
        CustomerKind.fromWire(row.getString("kind")),
        row.getString("name"),
        row.getString("customer_type"),
        row.getString("value_tier"),
        row.getLong("region_id"),
        row.getBoolean("vip"),
        row.getBoolean("gold_member"),
        row.getLong("owner_user_id"),
        row.getString("email"),
        row.getString("website"),
        row.getString("fax_e164"),
        row.getString("main_products"),
        row.getLocalDate("birthday"),
        row.getString("notes"),
        Rows.strings(row, "tags"),
        Rows.list(row.getValue("phones"), PhoneNumber::fromJson),
        Rows.list(row.getValue("addresses"), Address::fromJson),
        Rows.list(row.getValue("anniversaries"), Anniversary::fromJson),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"),
        Rows.instant(row, "deleted_at"),
        row.getInteger("version"));
  }
}
