package io.switchboard.core.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings as text, each with where it came from (default, file, environment), and typed readers
 * that turn a bad value into an {@link InvalidSettingException} naming the key, the value, its
 * origin and what is wrong. Immutable.
 */
public final class RawSettings {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private final Map<String, String> values;
  private final Map<String, String> origins;

  private RawSettings(Map<String, String> values, Map<String, String> origins) {
    this.values = Map.copyOf(values);
    this.origins = Map.copyOf(origins);
  }

  /** Settings holding only the built-in defaults. */
  public static RawSettings defaults() {
    Map<String, String> origins = new LinkedHashMap<>();
    SettingCatalog.ALL.forEach(setting -> origins.put(setting.key(), "default"));
    return new RawSettings(SettingCatalog.defaults(), origins);
  }

  /**
   * These settings with {@code overrides} laid over them; every key must be in the catalogue.
   *
   * @param origin where the overrides came from, for error messages (a file name, "environment")
   */
  public RawSettings with(Map<String, String> overrides, String origin) {
    Map<String, String> newValues = new LinkedHashMap<>(values);
    Map<String, String> newOrigins = new LinkedHashMap<>(origins);
    overrides.forEach(
        (key, value) -> {
          if (SettingCatalog.find(key).isEmpty()) {
            throw new InvalidSettingException(key, "unknown setting (from " + origin + ")");
          }
          newValues.put(key, value.trim());
          newOrigins.put(key, origin);
        });
    return new RawSettings(newValues, newOrigins);
  }

  /** The text of a setting, trimmed; empty when unset. */
  public String text(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("setting " + key + " is not in the catalogue");
    }
    return value;
  }

  /** Where the current value of a setting came from. */
  public String origin(String key) {
    return origins.getOrDefault(key, "default");
  }

  /** A setting that must not be empty. */
  public String required(String key) {
    String value = text(key);
    if (value.isEmpty()) {
      throw invalid(key, "must not be empty");
    }
    return value;
  }

  /** A whole number within {@code [min, max]}. */
  public int integer(String key, int min, int max) {
    String value = text(key);
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the allowed range
    }
    throw invalid(key, "must be a whole number from " + min + " to " + max);
  }

  /**
   * A duration written as a number and a unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}.
   */
  public Duration duration(String key, Duration min, Duration max) {
    Duration duration;
    try {
      duration = parseDuration(text(key));
    } catch (IllegalArgumentException bad) {
      throw invalid(key, bad.getMessage());
    }
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      throw invalid(key, "must be from " + describe(min) + " to " + describe(max));
    }
    return duration;
  }

  /**
   * A duration written {@code 500ms}, {@code 5s}, {@code 2m} or {@code 1h}.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  static Duration parseDuration(String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("must be a duration such as 500ms, 5s, 2m or 1h");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** One of an enum's constants, written in any case. */
  public <E extends Enum<E>> E choice(String key, Class<E> type) {
    String value = text(key);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      allowed
          .append(allowed.length() == 0 ? "" : ", ")
          .append(constant.name().toLowerCase(Locale.ROOT));
    }
    throw invalid(key, "must be one of " + allowed);
  }

  /**
   * An error for a setting, naming its value and origin. Secrets are not echoed: values of keys
   * that hold credentials are shown with their password part hidden.
   */
  public InvalidSettingException invalid(String key, String problem) {
    String shown = SecretRedaction.redact(text(key));
    return new InvalidSettingException(
        key, problem + " (got \"" + shown + "\" from " + origin(key) + ")");
  }

  private static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
