package io.switchboard.crm.persistence;

import io.switchboard.crm.model.CustomerQuery;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link CustomerQuery} into one parameterised SELECT: each condition adds a clause and a
 * parameter, never text from the caller. Sort columns come from a fixed list. Immutable once built.
 */
final class CustomerSearchSql {

  private final StringBuilder where = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  private CustomerSearchSql() {}

  /** The conditions of {@code query} as a WHERE clause over {@code customers c}. */
  static CustomerSearchSql of(CustomerQuery query) {
    CustomerSearchSql sql = new CustomerSearchSql();
    sql.add(query.deleted() ? "c.deleted_at IS NOT NULL" : "c.deleted_at IS NULL");
    if (query.name() != null) {
      sql.add("c.name ILIKE $? ESCAPE '\\'", "%" + escapeLike(query.name()) + "%");
    }
    if (query.phoneDigits() != null) {
      String pattern = "%" + query.phoneDigits() + "%";
      sql.add(
          "c.id IN (SELECT p.customer_id FROM phone_numbers p WHERE p.e164 LIKE $?"
              + " UNION SELECT ct.customer_id FROM phone_numbers p JOIN contacts ct"
              + " ON ct.id = p.contact_id WHERE p.e164 LIKE $? AND ct.deleted_at IS NULL)",
          pattern,
          pattern);
    }
    if (query.kind() != null) {
      sql.add("c.kind = $?", query.kind().wireName());
    }
    if (!query.customerTypes().isEmpty()) {
      sql.add("c.customer_type = ANY($?)", (Object) query.customerTypes().toArray(String[]::new));
    }
    if (query.regionId() != null) {
      sql.add(
          "c.region_id IN (WITH RECURSIVE tree AS (SELECT id FROM regions WHERE id = $?"
              + " UNION ALL SELECT r.id FROM regions r JOIN tree ON r.parent_id = tree.id)"
              + " SELECT id FROM tree)",
          query.regionId());
    }
    if (!query.valueTiers().isEmpty()) {
      sql.add("c.value_tier = ANY($?)", (Object) query.valueTiers().toArray(String[]::new));
    }
    if (query.vip() != null) {
      sql.add("c.vip = $?", query.vip());
    }
    if (query.goldMember() != null) {
      sql.add("c.gold_member = $?", query.goldMember());
    }
    if (query.ownerUserId() != null) {
      sql.add("c.owner_user_id = $?", query.ownerUserId());
    }
    for (String tag : query.tags()) {
      sql.add(
          "EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = $?)", tag);
    }
    if (query.createdFrom() != null) {
      sql.add("c.created_at >= $?", Rows.timestamp(query.createdFrom()));
    }
    if (query.createdTo() != null) {
      sql.add("c.created_at < $?", Rows.timestamp(query.createdTo()));
    }
    return sql;
  }

  /** WHERE clause text (starting with " WHERE "). */
  String where() {
    return where.toString();
  }

  /** ORDER BY for the query's sort, ties broken by id so that pages never overlap. */
  static String orderBy(CustomerQuery query) {
    String column =
        switch (query.sort()) {
          case NAME -> "c.name";
          case CREATED_AT -> "c.created_at";
          case UPDATED_AT -> "c.updated_at";
          case ID -> "c.id";
        };
    String direction = query.descending() ? " DESC" : " ASC";
    return " ORDER BY " + column + direction + (column.equals("c.id") ? "" : ", c.id" + direction);
  }

  /** The next parameter's placeholder number. */
  int nextParam() {
    return params.size() + 1;
  }

  Tuple params(Object... extra) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(java.util.Arrays.asList(extra));
    return Tuple.from(all);
  }

  private void add(String clause, Object... values) {
    String text = clause;
    for (Object value : values) {
      params.add(value);
      text = text.replaceFirst("\\$\\?", "\\$" + params.size());
    }
    where.append(where.length() == 0 ? " WHERE " : " AND ").append(text);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
