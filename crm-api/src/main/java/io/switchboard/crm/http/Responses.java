package io.switchboard.crm.http;

import io.vertx.ext.web.RoutingContext;

/** Writes successful JSON answers; errors go through the router's failure handler. Stateless. */
final class Responses {

  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  static void json(RoutingContext context, int status, Object body) {
    context
        .response()
        .setStatusCode(status)
        .putHeader("content-type", JSON)
        .end(io.vertx.core.json.Json.encode(body));
  }

  static void ok(RoutingContext context, Object body) {
    json(context, 200, body);
  }

  static void created(RoutingContext context, String location, Object body) {
    context.response().putHeader("location", location);
    json(context, 201, body);
  }

  static void noContent(RoutingContext context) {
    context.response().setStatusCode(204).end();
  }
}
