package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/** Reads and writes the typed fields of this package's JSON payloads in one way. */
final class JsonFields {

  private JsonFields() {}

  static String text(JsonObject json, String key) {
    return json.getString(key);
  }

  static String required(JsonObject json, String key) {
    return Objects.requireNonNull(json.getString(key), () -> "'" + key + "' is missing");
  }

  static Instant instant(JsonObject json, String key) {
    String text = json.getString(key);
    return text == null ? null : Instant.parse(text);
  }

  static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  static long count(JsonObject json, String key) {
    Long value = json.getLong(key);
    return value == null ? 0 : value;
  }

  static Integer integer(JsonObject json, String key) {
    return json.getInteger(key);
  }

  static boolean flag(JsonObject json, String key) {
    return Boolean.TRUE.equals(json.getBoolean(key));
  }
}
