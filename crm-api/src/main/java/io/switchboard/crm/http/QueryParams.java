package io.switchboard.crm.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads query parameters with their types and bounds, collecting every problem; {@link
 * #throwIfInvalid} fails with 400 naming each bad parameter. Not thread-safe; one per request.
 */
final class QueryParams {

  /** No parameter value is longer; longer ones are refused rather than parsed. */
  static final int MAX_VALUE_LENGTH = 200;

  private final MultiMap params;
  private final List<FieldError> errors = new ArrayList<>();

  QueryParams(RoutingContext context) {
    this.params = context.queryParams();
  }

  QueryParams allowOnly(Set<String> allowed) {
    for (String name : params.names()) {
      if (!allowed.contains(name)) {
        errors.add(new FieldError(name, "is not a known parameter"));
      }
    }
    return this;
  }

  /** The trimmed value, or null when absent or empty. */
  String text(String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      errors.add(new FieldError(name, "must be at most " + MAX_VALUE_LENGTH + " characters"));
      return null;
    }
    return value.strip();
  }

  /** Every value of a repeatable parameter, commas also separating values. */
  List<String> list(String name) {
    List<String> values = new ArrayList<>();
    for (String value : params.getAll(name)) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    if (values.size() > 20) {
      errors.add(new FieldError(name, "must have at most 20 values"));
      return List.of();
    }
    return values;
  }

  int integer(String name, int min, int max, int fallback) {
    Long value = whole(name, min, max);
    return value == null ? fallback : value.intValue();
  }

  Long id(String name) {
    return whole(name, 1, Long.MAX_VALUE);
  }

  Boolean bool(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    errors.add(new FieldError(name, "must be true or false"));
    return null;
  }

  /** An instant, or a date meaning its start in UTC. */
  Instant instant(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException bad) {
      errors.add(
          new FieldError(name, "must be a date (2024-05-01) or time (2024-05-01T09:00:00Z)"));
      return null;
    }
  }

  void fail(String name, String problem) {
    errors.add(new FieldError(name, problem));
  }

  void throwIfInvalid() {
    if (!errors.isEmpty()) {
      StringBuilder message = new StringBuilder("bad query parameters: ");
      for (int i = 0; i < errors.size(); i++) {
        message.append(i == 0 ? "" : "; ").append(errors.get(i));
      }
      throw new SwitchboardException(ErrorCode.BAD_REQUEST, message.toString(), errors);
    }
  }

  private Long whole(String name, long min, long max) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      long number = Long.parseLong(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
    return null;
  }
}
