package io.switchboard.dialer.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Reads the parts of a request every route needs: a JSON object body (400 when malformed) and
 * numeric path ids (400 naming the parameter). Stateless.
 */
final class Requests {

  private Requests() {}

  /** The body as a JSON object; {@code {}} when there is no body and {@code optional}. */
  static JsonObject body(RoutingContext context, boolean optional) {
    Buffer buffer = context.body() == null ? null : context.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      if (optional) {
        return new JsonObject();
      }
      throw new SwitchboardException(ErrorCode.BAD_REQUEST, "a JSON object body is required");
    }
    Object parsed;
    try {
      parsed = buffer.toJsonValue();
    } catch (DecodeException malformed) {
      String message = String.valueOf(malformed.getMessage());
      int end = message.indexOf('\n');
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "the body is not valid JSON: " + shorten(end < 0 ? message : message.substring(0, end)));
    }
    if (parsed instanceof JsonObject object) {
      return object;
    }
    throw new SwitchboardException(ErrorCode.BAD_REQUEST, "the body must be a JSON object");
  }

  /** A path parameter that must be a positive whole number. */
  static long id(RoutingContext context, String name) {
    String text = context.pathParam(name);
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new SwitchboardException(
        ErrorCode.BAD_REQUEST,
        "path parameter " + name + " must be a positive whole number",
        List.of(
            new FieldError(
                name, "must be a positive whole number, not \"" + shorten(text) + "\"")));
  }

  static String shorten(String text) {
    return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
