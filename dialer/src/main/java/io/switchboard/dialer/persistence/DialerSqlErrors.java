package io.switchboard.dialer.persistence;

import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.persistence.SqlErrors;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import java.util.List;
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

  /** A campaign naming an agent group that does not exist. */
  private static final String UNKNOWN_GROUP = "campaigns_agent_group_fkey";

  private static final SqlErrors ERRORS =
      new SqlErrors(
          FIELDS,
          Map.of(),
          "it has dial attempts, which are kept as compliance records; finish it instead");

  private DialerSqlErrors() {}

  /** A failed future carrying {@code failure} as a Switchboard error. */
  public static <T> Future<T> fail(Throwable failure) {
    return Future.failedFuture(map(failure));
  }

  /** {@code failure} as a Switchboard error; Switchboard errors pass through unchanged. */
  public static Throwable map(Throwable failure) {
    if (failure instanceof PgException pg
        && "23503".equals(pg.getSqlState())
        && UNKNOWN_GROUP.equals(pg.getConstraint())
        && !String.valueOf(pg.getDetail()).contains("still referenced")) {
      // PostgreSQL's detail names the value: Key (agent_group)=(x) is not present in ...
      return SwitchboardException.invalidFields(
          List.of(
              new FieldError(
                  "agentGroup",
                  "no such agent group (create it with PUT /api/v1/agent-groups/{name}): "
                      + pg.getDetail())));
    }
    return ERRORS.map(failure);
  }
}
