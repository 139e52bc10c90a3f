package io.switchboard.crm.persistence;

import io.switchboard.core.persistence.SqlErrors;
import io.vertx.core.Future;
import java.util.Map;

/**
 * The CRM tables' constraint names for core's {@link SqlErrors}, which turns SQLSTATEs into
 * Switchboard errors naming the API's fields. Stateless.
 */
public final class CrmSqlErrors {

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

  private static final SqlErrors ERRORS = new SqlErrors(FIELDS, CONFLICTS, null);

  private CrmSqlErrors() {}

  /** A failed future carrying {@code failure} as a Switchboard error. */
  public static <T> Future<T> fail(Throwable failure) {
    return ERRORS.fail(failure);
  }

  /** {@code failure} as a Switchboard error; Switchboard errors pass through unchanged. */
  public static Throwable map(Throwable failure) {
    return ERRORS.map(failure);
  }
}
