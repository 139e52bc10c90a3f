package io.switchboard.crm.http;

import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.RouteGuard;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes so that none can be added without its guard: every one authenticates first, then
 * requires its permission, then runs its handler. Used while the router is built, on one thread.
 */
final class GuardedRouter {

  private final Router router;
  private final RouteGuard guard;
  private final List<RouteSpec> routes = new ArrayList<>();

  GuardedRouter(Router router, RouteGuard guard) {
    this.router = router;
    this.guard = guard;
  }

  void get(String path, Permission permission, Handler<RoutingContext> handler) {
    add(HttpMethod.GET, path, permission, handler);
  }

  void post(String path, Permission permission, Handler<RoutingContext> handler) {
    add(HttpMethod.POST, path, permission, handler);
  }

  void put(String path, Permission permission, Handler<RoutingContext> handler) {
    add(HttpMethod.PUT, path, permission, handler);
  }

  void patch(String path, Permission permission, Handler<RoutingContext> handler) {
    add(HttpMethod.PATCH, path, permission, handler);
  }

  void delete(String path, Permission permission, Handler<RoutingContext> handler) {
    add(HttpMethod.DELETE, path, permission, handler);
  }

  /** A route any authenticated user may call (the API's own description). */
  void authenticatedOnly(HttpMethod method, String path, Handler<RoutingContext> handler) {
    routes.add(new RouteSpec(method, path, null));
    router.route(method, path).handler(guard.authenticated()).handler(handler);
  }

  /** Every route registered so far, in order. */
  List<RouteSpec> routes() {
    return List.copyOf(routes);
  }

  private void add(
      HttpMethod method, String path, Permission permission, Handler<RoutingContext> handler) {
    routes.add(new RouteSpec(method, path, permission));
    router
        .route(method, path)
        .handler(guard.authenticated())
        .handler(guard.require(permission))
        .handler(handler);
  }
}
