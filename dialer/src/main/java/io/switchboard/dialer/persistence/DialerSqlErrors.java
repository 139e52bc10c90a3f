package io.switchboard.dialer.persistence;

import io.switchboard.core.persistence.SqlErrors;
import io.vertx.core.Future;
import java.util.Map;

/**
 * The dialer tables' constraint names for core's {@link SqlErrors}, which turns SQLSTATEs into
 * Switchboard errors naming the API's fields; deleting a campaign or lead that has attempts is a
 * 409 saying why. Stateless.
 */
public final class DialerSqlErrors {

  /** Constraint to the request field it guards. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("campaigns_name_key", "name"),
          Map.entry("campaigns_target_check", "queue"),
          Map.entry("campaigns_window_check", "callingWindow.end"),
          Map.entry("campaign_exclusions_pkey", "phone"),
          Map.entry("leads_campaign_e164_key", "phone"),
          Map.entry("lead_attempts_number_key", "attempt"));

  private static final SqlErrors ERRORS =
      new SqlErrors(
          FIELDS,
          Map.of(),
          "it has dial attempts, which are kept as compliance records; finish it instead");

  private DialerSqlErrors() {}

  /** A failed future carrying {@code failure} as a Switchboard error. */
  public static <T> Future<T> fail(Throwable failure) {
    return ERRORS.fail(failure);
  }

  /** {@code failure} as a Switchboard error; Switchboard errors pass through unchanged. */
  public static Throwable map(Throwable failure) {
    return ERRORS.map(failure);
  }
}
