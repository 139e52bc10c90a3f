package io.switchboard.crm.security;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A minimal stand-in for deploy's {@code ErrorResponses}, which crm-api may not depend on: the same
 * {@code {"error": {"code", "status", "message"}}} body for {@link SwitchboardException}s and
 * statuses, and an internal error for anything else.
 */
public final class TestErrorResponses {

  private TestErrorResponses() {}

  public static void handle(RoutingContext context) {
    if (context.response().headWritten()) {
      context.response().reset();
      return;
    }
    ErrorCode code;
    String message;
    if (context.failure() instanceof SwitchboardException known) {
      code = known.code();
      message = known.getMessage();
    } else if (context.failure() == null) {
      code = fromStatus(context.statusCode());
      message = "request failed: " + context.request().method() + " " + context.request().path();
    } else {
      code = ErrorCode.INTERNAL;
      message = "internal error: " + context.failure();
    }
    JsonObject body =
        new JsonObject()
            .put(
                "error",
                new JsonObject()
                    .put("code", code.name())
                    .put("status", code.httpStatus())
                    .put("message", message));
    context
        .response()
        .setStatusCode(code.httpStatus())
        .putHeader("content-type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  private static ErrorCode fromStatus(int status) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.httpStatus() == status) {
        return code;
      }
    }
    return status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
  }
}
