package io.switchboard.crm.security;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** An HTTP response as tests read it: status, headers and the body as JSON when it is JSON. */
public record HttpAnswer(int status, MultiMap headers, String text) {

  static HttpAnswer of(int status, MultiMap headers, Buffer body) {
    return new HttpAnswer(status, headers, body.toString());
  }

  /** The body as a JSON object, or null when there is none or it is not an object. */
  public JsonObject json() {
    try {
      return text.isEmpty() ? null : new JsonObject(text);
    } catch (DecodeException notJson) {
      return null;
    }
  }

  /** The {@code error.code} of an error body, or null. */
  public String errorCode() {
    JsonObject json = json();
    return json == null || json.getJsonObject("error") == null
        ? null
        : json.getJsonObject("error").getString("code");
  }

  /** The {@code error.message} of an error body, or null. */
  public String errorMessage() {
    JsonObject json = json();
    return json == null || json.getJsonObject("error") == null
        ? null
        : json.getJsonObject("error").getString("message");
  }

  /** True when the body is exactly the one error shape with this status. */
  public boolean isErrorShape() {
    JsonObject json = json();
    if (json == null || json.size() != 1 || json.getJsonObject("error") == null) {
      return false;
    }
    JsonObject error = json.getJsonObject("error");
    return error.size() == 3
        && error.getValue("code") instanceof String
        && Integer.valueOf(status).equals(error.getInteger("status"))
        && error.getValue("message") instanceof String message
        && !message.isBlank();
  }
}
