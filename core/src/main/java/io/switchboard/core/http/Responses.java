package io.switchboard.core.http;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes successful JSON answers of the REST routes; errors go through the node's failure handler,
 * the one place error JSON is written. Stateless.
 */
public final class Responses {

  public static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  /** Answers {@code status} with {@code body} encoded as JSON (a JsonObject, record or map). */
  public static void json(RoutingContext context, int status, Object body) {
    context.response().setStatusCode(status).putHeader("content-type", JSON).end(Json.encode(body));
  }

  public static void ok(RoutingContext context, Object body) {
    json(context, 200, body);
  }

  public static void created(RoutingContext context, String location, Object body) {
    context.response().putHeader("location", location);
    json(context, 201, body);
  }

  public static void noContent(RoutingContext context) {
    context.response().setStatusCode(204).end();
  }
}
