package io.switchboard.deploy.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where HTTP error bodies are made. Every route fails its context with a {@link
 * SwitchboardException} (or Vert.x Web fails it with a status); this handler turns that into {@code
 * {"error": {"code", "status", "message"}}}, with {@code "fields": [{"field", "problem"}]} added
 * when the failure names bad fields. Anything else is logged and answered as an internal error
 * without its details.
 */
public final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  /** Failure handler for the router. */
  public static void handle(RoutingContext context) {
    if (context.response().headWritten()) {
      context.response().reset();
      return;
    }
    Throwable failure = context.failure();
    if (failure instanceof SwitchboardException known) {
      send(context, known.code(), known.getMessage(), known.fields());
      return;
    }
    ErrorCode code;
    String message;
    if (failure == null) {
      code = fromStatus(context.statusCode());
      message = describeStatus(context);
    } else {
      code = ErrorCode.INTERNAL;
      message = "internal error; see the server log";
      LOG.error(
          "Unhandled failure on {} {}",
          context.request().method(),
          context.request().path(),
          failure);
    }
    send(context, code, message);
  }

  /** Answers with an error body. */
  public static void send(RoutingContext context, ErrorCode code, String message) {
    send(context, code, message, List.of());
  }

  /** Answers with an error body naming the bad fields (none: no {@code fields} member). */
  public static void send(
      RoutingContext context, ErrorCode code, String message, List<FieldError> fields) {
    JsonObject error =
        new JsonObject()
            .put("code", code.name())
            .put("status", code.httpStatus())
            .put("message", message);
    if (!fields.isEmpty()) {
      JsonArray named = new JsonArray();
      fields.forEach(
          field ->
              named.add(
                  new JsonObject().put("field", field.field()).put("problem", field.problem())));
      error.put("fields", named);
    }
    JsonObject body = new JsonObject().put("error", error);
    context
        .response()
        .setStatusCode(code.httpStatus())
        .putHeader("content-type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  private static ErrorCode fromStatus(int status) {
    return switch (status) {
      case 400 -> ErrorCode.BAD_REQUEST;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 409 -> ErrorCode.CONFLICT;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 422 -> ErrorCode.VALIDATION_FAILED;
      case 429 -> ErrorCode.RATE_LIMITED;
      case 503 -> ErrorCode.UNAVAILABLE;
      default -> status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
    };
  }

  private static String describeStatus(RoutingContext context) {
    String request = context.request().method() + " " + context.request().path();
    return switch (context.statusCode()) {
      case 404 -> "no such resource: " + request;
      case 405 -> "method not allowed: " + request;
      case 413 -> "request body too large";
      default -> "request failed: " + request;
    };
  }
}
