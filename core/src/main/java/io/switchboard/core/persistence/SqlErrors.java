package io.switchboard.core.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.util.List;
import java.util.Map;

/**
 * The one place where PostgreSQL's SQLSTATEs become Switchboard errors: a unique violation is a 409
 * conflict, a missing referenced row a 422 naming the field, a row still referenced a 409, a failed
 * check a 422 naming the field (a 409 for constraints that guard state rather than input), a
 * serialization failure a 409, a timeout 504, a lost connection 503. Each module makes one with its
 * own constraint names mapped to the API's field names. Immutable and thread-safe.
 */
public final class SqlErrors {

  private final Map<String, String> fields;
  private final Map<String, String> conflicts;
  private final String stillReferenced;

  /**
   * @param fields constraint name to the request field it guards, where the name does not say it
   * @param conflicts check constraints whose violation is a conflict with the current state rather
   *     than bad input, to the field they guard
   * @param stillReferenced the message of a 409 for a delete of a row still referenced, or null for
   *     {@code "still in use: "} and PostgreSQL's detail
   */
  public SqlErrors(
      Map<String, String> fields, Map<String, String> conflicts, String stillReferenced) {
    this.fields = Map.copyOf(fields);
    this.conflicts = Map.copyOf(conflicts);
    this.stillReferenced = stillReferenced;
  }

  /** A failed future carrying {@code failure} as a Switchboard error. */
  public <T> Future<T> fail(Throwable failure) {
    return Future.failedFuture(map(failure));
  }

  /** {@code failure} as a Switchboard error; Switchboard errors pass through unchanged. */
  public Throwable map(Throwable failure) {
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
              ? new SwitchboardException(
                  ErrorCode.CONFLICT,
                  stillReferenced != null ? stillReferenced : "still in use: " + describe(pg))
              : SwitchboardException.invalidFields(
                  List.of(new FieldError(field, "refers to something that does not exist")));
      case "23514", "23502", "22001", "22007", "22008", "22003" -> {
        if (conflicts.containsKey(constraint)) {
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

  private String fieldOf(String constraint, PgException pg) {
    String known = fields.get(constraint);
    if (known == null) {
      known = conflicts.get(constraint);
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
