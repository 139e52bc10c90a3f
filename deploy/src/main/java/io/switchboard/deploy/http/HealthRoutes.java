package io.switchboard.deploy.http;

import io.switchboard.core.health.ComponentHealth;
import io.switchboard.core.health.HealthMonitor;
import io.switchboard.core.health.HealthReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health/live}: the process answers. {@code GET /health/ready}: 200 only when every
 * dependency (PostgreSQL, Redis, each configured AMI server) answers its check now, else 503; the
 * JSON body names what is down and why.
 */
public final class HealthRoutes {

  private final HealthMonitor monitor;

  public HealthRoutes(HealthMonitor monitor) {
    this.monitor = monitor;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(this::live);
    router.get("/health/ready").handler(this::ready);
  }

  private void live(RoutingContext context) {
    json(context, 200, new JsonObject().put("status", "UP"));
  }

  private void ready(RoutingContext context) {
    monitor.check().onSuccess(report -> json(context, report.up() ? 200 : 503, toJson(report)));
  }

  static JsonObject toJson(HealthReport report) {
    JsonArray checks = new JsonArray();
    for (ComponentHealth component : report.components()) {
      JsonObject check =
          new JsonObject()
              .put("name", component.name())
              .put("status", component.up() ? "UP" : "DOWN");
      if (!component.up()) {
        check.put("error", component.detail());
      }
      checks.add(check);
    }
    return new JsonObject()
        .put("status", report.up() ? "UP" : "DOWN")
        .put("down", new JsonArray(report.down()))
        .put("checks", checks);
  }

  private static void json(RoutingContext context, int status, JsonObject body) {
    context
        .response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .end(body.encode());
  }
}
