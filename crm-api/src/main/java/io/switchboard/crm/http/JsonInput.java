package io.switchboard.crm.http;

import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON request body with their types and limits, collecting every problem
 * (with the field's name, {@code phones[1].number} for nested ones) instead of stopping at the
 * first; {@link #throwIfInvalid} then fails with 422 naming them all. Not thread-safe; one per
 * request.
 */
final class JsonInput {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  private final JsonObject json;
  private final String prefix;
  private final List<FieldError> errors;

  private JsonInput(JsonObject json, String prefix, List<FieldError> errors) {
    this.json = json;
    this.prefix = prefix;
    this.errors = errors;
  }

  static JsonInput of(JsonObject json) {
    return new JsonInput(json, "", new ArrayList<>());
  }

  /** Reports every member not in {@code allowed} as an unknown field. */
  JsonInput allowOnly(Set<String> allowed) {
    for (String name : json.fieldNames()) {
      if (!allowed.contains(name)) {
        fail(name, "is not a known field");
      }
    }
    return this;
  }

  boolean has(String name) {
    return json.containsKey(name);
  }

  void fail(String name, String problem) {
    errors.add(new FieldError(prefix + name, problem));
  }

  boolean valid() {
    return errors.isEmpty();
  }

  void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw SwitchboardException.invalidFields(errors);
    }
  }

  /**
   * A string member, trimmed; {@code fallback} when absent. A required member that is absent
   * without a fallback, or present but null or blank, is reported; an optional null is "".
   */
  String text(String name, boolean required, int maxLength, String fallback) {
    if (!json.containsKey(name)) {
      if (required && fallback == null) {
        fail(name, "is required");
      }
      return fallback;
    }
    Object raw = json.getValue(name);
    if (raw == null) {
      if (required) {
        fail(name, "must not be empty");
      }
      return required ? fallback : "";
    }
    if (!(raw instanceof String value)) {
      fail(name, "must be a string");
      return fallback;
    }
    String trimmed = value.strip();
    if (required && trimmed.isEmpty()) {
      fail(name, "must not be empty");
    } else if (trimmed.length() > maxLength) {
      fail(name, "must be at most " + maxLength + " characters");
    } else if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
      fail(name, "must not contain control characters");
    }
    return trimmed;
  }

  /** A nullable dictionary-style code ({@code [a-z][a-z0-9_]*}). */
  String code(String name, String fallback) {
    if (!json.containsKey(name)) {
      return fallback;
    }
    if (json.getValue(name) == null) {
      return null;
    }
    String value = text(name, false, 40, fallback);
    if (value != null && !CODE.matcher(value).matches()) {
      fail(name, "must be a code of lower-case letters, digits and _");
    }
    return value == null || value.isEmpty() ? null : value;
  }

  /** One of {@code allowed}; {@code fallback} when absent (null fallback: required). */
  String choice(String name, Set<String> allowed, String fallback) {
    if (!json.containsKey(name)) {
      if (fallback == null) {
        fail(name, "is required");
      }
      return fallback;
    }
    Object value = json.getValue(name);
    if (!(value instanceof String text) || !allowed.contains(text)) {
      fail(name, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
      return fallback;
    }
    return text;
  }

  /** A whole number in {@code [min, max]}; {@code fallback} when absent or null. */
  Long number(String name, long min, long max, Long fallback) {
    if (!json.containsKey(name) || json.getValue(name) == null) {
      return json.containsKey(name) ? null : fallback;
    }
    Object value = json.getValue(name);
    Long whole = whole(value);
    if (whole == null) {
      fail(name, "must be a whole number");
      return fallback;
    }
    if (whole < min || whole > max) {
      fail(name, "must be from " + min + " to " + max);
      return fallback;
    }
    return whole;
  }

  /** An id: a positive whole number, or null. */
  Long id(String name, Long fallback) {
    return number(name, 1, Long.MAX_VALUE, fallback);
  }

  boolean bool(String name, boolean fallback) {
    if (!json.containsKey(name)) {
      return fallback;
    }
    if (!(json.getValue(name) instanceof Boolean value)) {
      fail(name, "must be true or false");
      return fallback;
    }
    return value;
  }

  /** An ISO date {@code 2024-05-01} between 1900 and today; null when absent or null. */
  LocalDate date(String name, LocalDate fallback, boolean notInFuture) {
    if (!json.containsKey(name) || json.getValue(name) == null) {
      return json.containsKey(name) ? null : fallback;
    }
    if (!(json.getValue(name) instanceof String text)) {
      fail(name, "must be a date such as 1990-05-01");
      return fallback;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.getYear() < 1900
          || notInFuture && date.isAfter(LocalDate.now(java.time.ZoneOffset.ofHours(14)))) {
        fail(name, "must be between 1900-01-01 and today");
      }
      return date;
    } catch (DateTimeParseException bad) {
      fail(name, "must be a date such as 1990-05-01");
      return fallback;
    }
  }

  /** An ISO instant {@code 2024-05-01T09:30:00Z} (offsets allowed). */
  Instant instant(String name, boolean required, Instant fallback) {
    if (!json.containsKey(name) || json.getValue(name) == null) {
      if (required) {
        fail(name, "is required");
      }
      return json.containsKey(name) ? null : fallback;
    }
    if (json.getValue(name) instanceof String text) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException bad) {
        // reported below
      }
    }
    fail(name, "must be a time such as 2024-05-01T09:30:00+08:00");
    return fallback;
  }

  /** An array of objects, each read by its own input that reports as {@code name[i].field}. */
  List<JsonInput> objects(String name, int maxItems) {
    List<JsonInput> items = new ArrayList<>();
    if (!(json.getValue(name) instanceof JsonArray array)) {
      fail(name, "must be an array");
      return items;
    }
    if (array.size() > maxItems) {
      fail(name, "must have at most " + maxItems + " items");
      return items;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof JsonObject item) {
        items.add(new JsonInput(item, prefix + name + "[" + i + "].", errors));
      } else {
        fail(name + "[" + i + "]", "must be an object");
      }
    }
    return items;
  }

  /** An array of strings. */
  List<String> strings(String name, int maxItems) {
    List<String> items = new ArrayList<>();
    if (!(json.getValue(name) instanceof JsonArray array)) {
      fail(name, "must be an array of strings");
      return items;
    }
    if (array.size() > maxItems) {
      fail(name, "must have at most " + maxItems + " items");
      return items;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof String text) {
        items.add(text.strip());
      } else {
        fail(name + "[" + i + "]", "must be a string");
      }
    }
    return items;
  }

  private static Long whole(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : null;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      try {
        return new BigDecimal(value.toString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException notWhole) {
        return null;
      }
    }
    return null;
  }
}
