package io.switchboard.dialer.http;

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
final class GuardedRoutes {

  private final Router router;
  private final DialerRouteGuard guard;
  private final List<DialerRouteSpec> routes = new ArrayList<>();

  GuardedRoutes(Router router, DialerRouteGuard guard) {
    this.router = router;
    this.guard = guard;
  }

  void add(
      HttpMethod method,
      String path,
      DialerPermission permission,
      Handler<RoutingContext> handler) {
    routes.add(new DialerRouteSpec(method, path, permission));
    router
        .route(method, path)
        .handler(guard.authenticated())
        .handler(guard.require(permission))
        .handler(handler);
  }

  List<DialerRouteSpec> routes() {
    return List.copyOf(routes);
  }
}
