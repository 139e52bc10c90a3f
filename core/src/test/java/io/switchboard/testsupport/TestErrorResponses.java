package io.switchboard.testsupport;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The failure handler of the modules' REST test servers, writing the same JSON as deploy's
 * ErrorResponses (which feature modules cannot depend on): {@code {"error": {"code", "status",
 * "message", "fields"}}}. A failure that is not a Switchboard error is a 500, which the tests treat
 * as a bug. Stateless; runs on the server's event loop.
 */
public final class TestErrorResponses {

  private TestErrorResponses() {}

  /** Makes this the failure handler of {@code root} and its handler of 404, 405, 413 and 500. */
  public static void install(Router root) {
    root.route().failureHandler(TestErrorResponses::handle);
    for (int status : new int[] {404, 405, 413, 500}) {
      root.errorHandler(status, TestErrorResponses::handle);
    }
  }

  /** Answers the failed request with the error JSON. */
  public static void handle(RoutingContext context) {
    if (context.response().headWritten()) {
      if (context.failure() != null) {
        context.failure().printStackTrace();
      }
      context.response().reset();
      return;
    }
    Throwable failure = context.failure();
    ErrorCode code;
    String message;
    JsonArray fields = new JsonArray();
    if (failure instanceof SwitchboardException known) {
      code = known.code();
      message = known.getMessage();
      known
          .fields()
          .forEach(
              field ->
                  fields.add(
                      new JsonObject()
                          .put("field", field.field())
                          .put("problem", field.problem())));
    } else if (failure == null) {
      int status = context.statusCode();
      code =
          switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            default -> status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
          };
      message = "request failed with " + status;
    } else {
      code = ErrorCode.INTERNAL;
      message = "internal error: " + failure;
      failure.printStackTrace();
    }
    JsonObject error =
        new JsonObject()
            .put("code", code.name())
            .put("status", code.httpStatus())
            .put("message", message);
    if (!fields.isEmpty()) {
      error.put("fields", fields);
    }
    context
        .response()
        .setStatusCode(code.httpStatus())
        .putHeader("content-type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", error).encode());
  }
}
