package io.switchboard.dialer.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.util.List;
import java.util.Map;

/**
 * Where the dialer's SQLSTATEs become Switchboard errors, as the CRM's {@code SqlErrors} does for
 * its tables: a duplicate is a 409 naming the field, a record still referenced (a campaign or lead
 * with attempts) a 409, a failed check a 422 naming the field, a serialization failure a 409, a
 * lost connection a 503. Stateless.
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

  private DialerSqlErrors() {}

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
      if (failure instanceof VertxException
          && String.valueOf(failure.getMessage()).contains("Connection")) {
        return new SwitchboardException(
            ErrorCode.UNAVAILABLE, "the database is not reachable", failure);
      }
      return failure;
    }
    String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
    String field = FIELDS.getOrDefault(constraint, constraint.isEmpty() ? "request" : constraint);
    String detail = pg.getDetail() != null ? pg.getDetail() : pg.getErrorMessage();
    return switch (String.valueOf(pg.getSqlState())) {
      case "23505" ->
          new SwitchboardException(
              ErrorCode.CONFLICT,
              "already exists: " + detail,
              List.of(new FieldError(field, "already exists")));
      case "23503" ->
          String.valueOf(pg.getErrorMessage()).contains("still referenced")
              ? new SwitchboardException(
                  ErrorCode.CONFLICT,
                  "it has dial attempts, which are kept as compliance records; finish it instead")
              : SwitchboardException.invalidFields(
                  List.of(new FieldError(field, "refers to something that does not exist")));
      case "23514", "23502", "22001", "22003", "22007", "22008" ->
          SwitchboardException.invalidFields(
              List.of(new FieldError(field, "is not allowed: " + pg.getErrorMessage())));
      case "22P02", "22023" ->
          new SwitchboardException(ErrorCode.BAD_REQUEST, "malformed value: " + detail);
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
}
