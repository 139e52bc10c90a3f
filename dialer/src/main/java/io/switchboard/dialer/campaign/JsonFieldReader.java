package io.switchboard.dialer.campaign;

import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the members of a JSON request body with their types and limits, collecting every problem
 * under the member's name ({@code callingWindow.start} for a nested one) instead of stopping at the
 * first; {@link #throwIfInvalid} then fails with 422 naming them all. Not thread-safe; one per
 * request.
 */
public final class JsonFieldReader {

  private final JsonObject json;
  private final String prefix;
  private final List<FieldError> errors;

  private JsonFieldReader(JsonObject json, String prefix, List<FieldError> errors) {
    this.json = json;
    this.prefix = prefix;
    this.errors = errors;
  }

  public static JsonFieldReader of(JsonObject json) {
    return new JsonFieldReader(json, "", new ArrayList<>());
  }

  /** Reports every member not in {@code allowed} as an unknown field. */
  public JsonFieldReader allowOnly(Set<String> allowed) {
    for (String name : json.fieldNames()) {
      if (!allowed.contains(name)) {
        fail(name, "is not a known field; known are " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
    return this;
  }

  /** Whether the member is there with a value other than null. */
  public boolean has(String name) {
    return json.getValue(name) != null;
  }

  public void fail(String name, String problem) {
    errors.add(new FieldError(prefix + name, problem));
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw SwitchboardException.invalidFields(errors);
    }
  }

  /**
   * A string member, stripped; null when absent or null (reported when {@code required}). Blank,
   * too long or control characters are reported.
   */
  public String text(String name, boolean required, int maxLength) {
    Object raw = json.getValue(name);
    if (raw == null) {
      if (required) {
        fail(name, "is required");
      }
      return null;
    }
    if (!(raw instanceof String value)) {
      fail(name, "must be a string");
      return null;
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      fail(name, "must not be empty");
      return null;
    }
    if (stripped.length() > maxLength) {
      fail(name, "must be at most " + maxLength + " characters");
      return null;
    }
    if (stripped.chars().anyMatch(c -> c < 0x20)) {
      fail(name, "must not contain control characters");
      return null;
    }
    return stripped;
  }

  /** A string member that must match {@code pattern}; {@code rule} says what it must be. */
  public String matching(String name, boolean required, Pattern pattern, String rule) {
    String value = text(name, required, 200);
    if (value != null && !pattern.matcher(value).matches()) {
      fail(name, rule);
      return null;
    }
    return value;
  }

  /** One of {@code allowed}; null when absent (reported when required). */
  public String choice(String name, boolean required, Set<String> allowed) {
    Object value = json.getValue(name);
    if (value == null) {
      if (required) {
        fail(name, "is required: one of " + String.join(", ", new TreeSet<>(allowed)));
      }
      return null;
    }
    if (!(value instanceof String text) || !allowed.contains(text)) {
      fail(name, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
      return null;
    }
    return text;
  }

  /** A whole number in {@code [min, max]}; {@code fallback} when absent or null. */
  public Integer integer(String name, int min, int max, Integer fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      if (fallback == null) {
        fail(name, "is required");
      }
      return fallback;
    }
    BigDecimal number = number(value);
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      fail(name, "must be a whole number");
      return fallback;
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      fail(name, "must be from " + min + " to " + max);
      return fallback;
    }
    return number.intValueExact();
  }

  /** A number in {@code (above, atMost]}; {@code fallback} when absent or null. */
  public Double fraction(String name, double above, double atMost, Double fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      return fallback;
    }
    BigDecimal number = number(value);
    if (number == null) {
      fail(name, "must be a number");
      return fallback;
    }
    double fraction = number.doubleValue();
    if (!(fraction > above && fraction <= atMost)) {
      fail(name, "must be more than " + above + " and at most " + atMost);
      return fallback;
    }
    return fraction;
  }

  /** A share in {@code [0, 1)}; {@code fallback} when absent or null. */
  public Double share(String name, Double fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      return fallback;
    }
    BigDecimal number = number(value);
    if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.ONE) >= 0) {
      fail(name, "must be a share from 0 to below 1, such as 0.02");
      return fallback;
    }
    return number.doubleValue();
  }

  /** True or false; {@code fallback} when absent or null. */
  public Boolean bool(String name, Boolean fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      if (fallback == null) {
        fail(name, "is required: true or false");
      }
      return fallback;
    }
    if (!(value instanceof Boolean flag)) {
      fail(name, "must be true or false");
      return fallback;
    }
    return flag;
  }

  /** A nested object, read by a reader that reports as {@code name.member}; null when absent. */
  public JsonFieldReader object(String name, boolean required) {
    Object value = json.getValue(name);
    if (value == null) {
      if (required) {
        fail(name, "is required");
      }
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      fail(name, "must be an object");
      return null;
    }
    return new JsonFieldReader(object, prefix + name + ".", errors);
  }

  /** An array of strings, each stripped; null when absent (reported when required). */
  public List<String> strings(String name, boolean required, int maxItems) {
    Object value = json.getValue(name);
    if (value == null) {
      if (required) {
        fail(name, "is required");
      }
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      fail(name, "must be an array of strings");
      return null;
    }
    if (array.size() > maxItems) {
      fail(name, "must have at most " + maxItems + " items");
      return null;
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof String text) {
        items.add(text.strip());
      } else {
        fail(name + "[" + i + "]", "must be a string");
      }
    }
    return items;
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Number number && !(value instanceof Double d && !Double.isFinite(d))) {
      try {
        return new BigDecimal(number.toString());
      } catch (NumberFormatException notDecimal) {
        return null;
      }
    }
    return null;
  }
}
