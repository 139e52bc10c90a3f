package io.switchboard.crm.security;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * Reading JSON request bodies and writing JSON responses for the security and audit routes. Errors
 * are thrown as {@link SwitchboardException}s for the router's failure handler, which writes the
 * one error shape. Stateless.
 */
public final class HttpJson {

  private HttpJson() {}

  /**
   * The request body as a JSON object holding only {@code allowed} fields.
   *
   * @throws SwitchboardException BAD_REQUEST when the body is missing or not a JSON object;
   *     VALIDATION_FAILED naming every unknown field
   */
  public static JsonObject body(RoutingContext context, Set<String> allowed) {
    JsonObject body;
    try {
      body = context.body() == null ? null : context.body().asJsonObject();
    } catch (DecodeException | ClassCastException notAnObject) {
      throw new SwitchboardException(ErrorCode.BAD_REQUEST, "the body must be a JSON object");
    }
    if (body == null) {
      throw new SwitchboardException(ErrorCode.BAD_REQUEST, "the body must be a JSON object");
    }
    List<String> unknown =
        body.fieldNames().stream().filter(name -> !allowed.contains(name)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new SwitchboardException(
          ErrorCode.VALIDATION_FAILED,
          "unknown field(s) "
              + String.join(", ", unknown)
              + "; allowed: "
              + String.join(", ", allowed.stream().sorted().toList()));
    }
    return body;
  }

  /** Answers {@code status} with a JSON body, never cached. */
  public static void send(RoutingContext context, int status, JsonObject body) {
    context
        .response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .end(body.encode());
  }

  /** Answers 204 No Content. */
  public static void noContent(RoutingContext context) {
    context.response().setStatusCode(204).putHeader("cache-control", "no-store").end();
  }

  /**
   * A path parameter that must be a positive whole number.
   *
   * @throws SwitchboardException NOT_FOUND otherwise (no resource has such an id)
   */
  public static long idParameter(RoutingContext context, String name) {
    String text = context.pathParam(name);
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new SwitchboardException(
        ErrorCode.NOT_FOUND, name + " must be a positive whole number, got '" + text + "'");
  }

  /**
   * An optional whole-number query parameter within bounds.
   *
   * @throws SwitchboardException BAD_REQUEST naming the parameter
   */
  public static long longParameter(
      RoutingContext context, String name, long defaultValue, long min, long max) {
    List<String> values = context.queryParam(name);
    if (values.isEmpty()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(values.get(0));
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new SwitchboardException(
        ErrorCode.BAD_REQUEST,
        "query parameter " + name + " must be a whole number from " + min + " to " + max);
  }
}
