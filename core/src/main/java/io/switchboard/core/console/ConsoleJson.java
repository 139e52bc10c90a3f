package io.switchboard.core.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads the typed fields of this package's JSON payloads in one way, naming a missing field. */
final class ConsoleJson {

  private ConsoleJson() {}

  static String text(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw new IllegalArgumentException("'" + key + "' must be a non-empty string");
    }
    return text;
  }

  static long id(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException("'" + key + "' must be a number");
    }
    return number.longValue();
  }

  static JsonObject object(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw new IllegalArgumentException("'" + key + "' must be an object");
    }
    return object;
  }

  static List<String> roles(JsonObject json) {
    Object value = json.getValue("roles");
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException("'roles' must be an array");
    }
    List<String> roles = new ArrayList<>(array.size());
    for (Object role : array) {
      if (!(role instanceof String name)) {
        throw new IllegalArgumentException("'roles' must hold strings");
      }
      roles.add(name);
    }
    return List.copyOf(roles);
  }
}
