package io.switchboard.crm.security;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards the REST routes: {@link #authenticated()} turns the request's bearer token into a {@link
 * Principal} (or fails it with 401), {@link #require} fails it with 403 unless the principal's
 * roles grant the permission. Handlers run on the event loop and never block.
 */
public interface RouteGuard {

  /** Puts the request's {@link Principal} on the context, or fails the request with 401. */
  Handler<RoutingContext> authenticated();

  /** Lets the request through only when the principal holds {@code permission} (else 403). */
  Handler<RoutingContext> require(Permission permission);
}
