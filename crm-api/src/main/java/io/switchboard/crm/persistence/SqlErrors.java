package io.switchboard.crm.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import java.util.List;
import java.util.Map;

/**
 * The one place where PostgreSQL's SQLSTATEs become Switchboard errors: a unique violation is a 409
 * conflict, a missing referenced row a 422 naming the field, a failed check a 422 naming the field,
 * a lost connection 503. Constraint names map to the API's field names. Stateless.
 */
public final class SqlErrors {

  /** Constraints whose violation is a conflict with the current state rather than bad input. */
  private static final Map<String, String> CONFLICTS =
      Map.of(
          "tickets_status_transition", "status",
          "callbacks_open_phone_key", "phone",
          "do_not_call_pkey", "phone",
          "regions_sibling_name_key", "name",
          "dictionary_entries_pkey", "code",
          "disposition_codes_pkey", "code",
          "customer_relationships_key", "toCustomerId",
          "phone_numbers_customer_e164_key", "phones",
          "phone_numbers_contact_e164_key", "phones");

  /** Constraint name to the request field it guards, where the name does not say it. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("customers_customer_type_fk", "customerType"),
          Map.entry("customers_value_tier_fk", "valueTier"),
          Map.entry("customers_region_fk", "regionId"),
          Map.entry("customers_owner_user_id_fkey", "ownerUserId"),
          Map.entry("customer_addresses_region_fk", "addresses.regionId"),
          Map.entry("customer_anniversaries_kind_fk", "anniversaries.kind"),
          Map.entry("customer_relationships_role_fk", "role"),
          Map.entry("customer_relationships_to_fk", "toCustomerId"),
          Map.entry("customer_relationships_from_fk", "fromCustomerId"),
          Map.entry("tickets_customer_fk", "customerId"),
          Map.entry("tickets_contact_fk", "contactId"),
          Map.entry("tickets_assignee_fk", "assigneeUserId"),
          Map.entry("tickets_call_fk", "callLogId"),
          Map.entry("call_dispositions_code_fk", "code"),
          Map.entry("call_dispositions_call_fk", "callLogId"),
          Map.entry("callbacks_customer_id_fkey", "customerId"),
          Map.entry("callbacks_contact_fk", "contactId"),
          Map.entry("callbacks_assigned_user_id_fkey", "assignedUserId"),
          Map.entry("regions_parent_id_fkey", "parentId"),
          Map.entry("regions_parent_level_check", "parentId"),
          Map.entry("regions_check", "parentId"));

  private SqlErrors() {}

  /** A failed future carrying {@code failure} as a Switchboard error. */
  public static <T> Future<T> fail(Throwable failure) {
    return Future.failedFuture(map(failure));
  }

  /** {@code failure} as a Switchboard error; Switchboard errors pass through unchanged. */
  public static Throwable map(Throwable failure) {
    if (failure instanceof SwitchboardException) {
      return failure;
    }
    if (!(failure instanceof PgException pg)) {
      if (failure instanceof io.vertx.core.VertxException
          && String.valueOf(failure.getMessage()).contains("Connection")) {
        return new SwitchboardException(
            ErrorCode.UNAVAILABLE, "the database is not reachable", failure);
      }
      return failure;
    }
    String state = String.valueOf(pg.getSqlState());
    String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
    String field = fieldOf(constraint, pg);
    return switch (state) {
      case "23505" ->
          new SwitchboardException(
              ErrorCode.CONFLICT,
              "already exists: " + describe(pg),
              List.of(new FieldError(field, "already exists")));
      case "23503" ->
          pg.getErrorMessage() != null && pg.getErrorMessage().contains("still referenced")
              ? new SwitchboardException(ErrorCode.CONFLICT, "still in use: " + describe(pg))
              : SwitchboardException.invalidFields(
                  List.of(new FieldError(field, "refers to something that does not exist")));
      case "23514", "23502", "22001", "22007", "22008", "22003" -> {
        if (CONFLICTS.containsKey(constraint)) {
          yield new SwitchboardException(
              ErrorCode.CONFLICT,
              pg.getErrorMessage(),
              List.of(new FieldError(field, pg.getErrorMessage())));
        }
        yield SwitchboardException.invalidFields(
            List.of(new FieldError(field, "is not allowed: " + pg.getErrorMessage())));
      }
      case "22P02", "22023" ->
          new SwitchboardException(ErrorCode.BAD_REQUEST, "malformed value: " + describe(pg));
      case "40001", "40P01" ->
          new SwitchboardException(
              ErrorCode.CONFLICT, "a concurrent change got in the way; try again");
      case "57014" ->
          new SwitchboardException(ErrorCode.TIMEOUT, "the query took too long", failure);
      case "53300", "57P01", "57P03", "08006", "08001" ->
          new SwitchboardException(ErrorCode.UNAVAILABLE, "the database is not available", failure);
      default -> failure;
    };
  }

  private static String fieldOf(String constraint, PgException pg) {
    String known = FIELDS.get(constraint);
    if (known == null) {
      known = CONFLICTS.get(constraint);
    }
    if (known != null) {
      return known;
    }
    if (pg.getColumn() != null) {
      return camel(pg.getColumn());
    }
    String table = pg.getTable() == null ? "" : pg.getTable();
    String name = constraint;
    if (!table.isEmpty() && name.startsWith(table + "_")) {
      name = name.substring(table.length() + 1);
    }
    name = name.replaceAll("_(check|fkey|fk|key|pkey)$", "");
    return name.isEmpty() ? "request" : camel(name);
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static String describe(PgException pg) {
    return pg.getDetail() != null ? pg.getDetail() : pg.getErrorMessage();
  }
}
