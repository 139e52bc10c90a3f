package io.switchboard.dialer.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes successful JSON answers; errors go through the node's failure handler. Stateless. */
final class Responses {

  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  static void json(RoutingContext context, int status, JsonObject body) {
    context.response().setStatusCode(status).putHeader("content-type", JSON).end(body.encode());
  }

  static void ok(RoutingContext context, JsonObject body) {
    json(context, 200, body);
  }

  static void created(RoutingContext context, String location, JsonObject body) {
    context.response().putHeader("location", location);
    json(context, 201, body);
  }

  static void noContent(RoutingContext context) {
    context.response().setStatusCode(204).end();
  }
}
