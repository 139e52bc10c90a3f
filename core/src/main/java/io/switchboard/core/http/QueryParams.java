package io.switchboard.core.http;

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
import java.util.TreeSet;

/**
 * Reads query parameters with their types and bounds, collecting every problem; {@link
 * #throwIfInvalid} fails with 400 naming each bad parameter. Not thread-safe; one per request.
 */
public final class QueryParams {

  /** No parameter value is longer; longer ones are refused rather than parsed. */
  public static final int MAX_VALUE_LENGTH = 200;

  /** No repeatable parameter has more values. */
  public static final int MAX_LIST_VALUES = 20;

  /** Default and largest page size of the lists paged by key ({@link #limit}, {@link #afterId}). */
  public static final int DEFAULT_LIMIT = 100;

  public static final int MAX_LIMIT = 500;

  private final MultiMap params;
  private final List<FieldError> errors = new ArrayList<>();

  /** Reads {@code context}'s query string; call {@link #allowOnly} to refuse unknown names. */
  public QueryParams(RoutingContext context) {
    this.params = context.queryParams();
  }

  /** Reads {@code context}'s query string, refusing parameters outside {@code allowed}. */
  public QueryParams(RoutingContext context, Set<String> allowed) {
    this(context);
    allowOnly(allowed);
  }

  /** Records a problem for every parameter outside {@code allowed}, naming the known ones. */
  public QueryParams allowOnly(Set<String> allowed) {
    for (String name : params.names()) {
      if (!allowed.contains(name)) {
        fail(name, "is not a known parameter; known are " + new TreeSet<>(allowed));
      }
    }
    return this;
  }

  /** The stripped value, or null when absent or empty. */
  public String text(String name) {
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

  /** Every value of a repeatable parameter, commas also separating values. */
  public List<String> list(String name) {
    List<String> values = new ArrayList<>();
    for (String value : params.getAll(name)) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    if (values.size() > MAX_LIST_VALUES) {
      fail(name, "must have at most " + MAX_LIST_VALUES + " values");
      return List.of();
    }
    return values;
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent or bad. */
  public long whole(String name, long min, long max, long fallback) {
    Long value = whole(name, min, max);
    return value == null ? fallback : value;
  }

  /** An int in {@code [min, max]}, or {@code fallback} when absent or bad. */
  public int integer(String name, int min, int max, int fallback) {
    Long value = whole(name, min, max);
    return value == null ? fallback : value.intValue();
  }

  /** A positive whole number, or null when absent or bad. */
  public Long id(String name) {
    return whole(name, 1, Long.MAX_VALUE);
  }

  /** {@code true} or {@code false}, or null when absent or bad. */
  public Boolean bool(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    fail(name, "must be true or false");
    return null;
  }

  /** An instant, or a date meaning its start in UTC; null when absent or bad. */
  public Instant instant(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException bad) {
      fail(name, "must be a date (2024-05-01) or time (2024-05-01T09:00:00Z)");
      return null;
    }
  }

  /** The page size of a list paged by key, {@code limit}: 1 to 500, default 100. */
  public int limit() {
    return (int) whole("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  /** The id a page of a list paged by key starts after, {@code after}: default 0 (first page). */
  public long afterId() {
    return whole("after", 0, Long.MAX_VALUE, 0);
  }

  /** Records a problem with parameter {@code name}, reported by {@link #throwIfInvalid}. */
  public void fail(String name, String problem) {
    errors.add(new FieldError(name, problem));
  }

  /** Throws a 400 naming every bad parameter, if there is one. */
  public void throwIfInvalid() {
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
    fail(name, "must be a whole number from " + min + " to " + max);
    return null;
  }
}
