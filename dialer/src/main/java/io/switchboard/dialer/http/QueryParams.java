package io.switchboard.dialer.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads query parameters with their types and bounds, collecting every problem; {@link
 * #throwIfInvalid} fails with 400 naming each bad parameter. Not thread-safe; one per request.
 */
final class QueryParams {

  /** No parameter value is longer; longer ones are refused rather than parsed. */
  static final int MAX_VALUE_LENGTH = 200;

  /** Default and largest page size of the lists. */
  static final int DEFAULT_LIMIT = 100;

  static final int MAX_LIMIT = 500;

  private final MultiMap params;
  private final List<FieldError> errors = new ArrayList<>();

  QueryParams(RoutingContext context, Set<String> allowed) {
    this.params = context.queryParams();
    for (String name : params.names()) {
      if (!allowed.contains(name)) {
        fail(name, "is not a known parameter; known are " + new TreeSet<>(allowed));
      }
    }
  }

  /** The stripped value, or null when absent or empty. */
  String text(String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      fail(name, "must be at most " + MAX_VALUE_LENGTH + " characters");
      return null;
    }
    return value.strip();
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
  long whole(String name, long min, long max, long fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      long number = Long.parseLong(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    fail(name, "must be a whole number from " + min + " to " + max);
    return fallback;
  }

  /** The page size, {@code limit}: 1 to 500, default 100. */
  int limit() {
    return (int) whole("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  /** The id a page starts after, {@code after}: default 0 (the first page). */
  long afterId() {
    return whole("after", 0, Long.MAX_VALUE, 0);
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
}
