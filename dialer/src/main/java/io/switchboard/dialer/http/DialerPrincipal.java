package io.switchboard.dialer.http;

import io.switchboard.core.console.VerifiedUser;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.ext.web.RoutingContext;

/** Reads the user the {@link DialerRouteGuard} put on a request's context. Stateless. */
final class DialerPrincipal {

  /** Where the verified user is kept on the routing context. */
  static final String CONTEXT_KEY = "switchboard.dialer.user";

  private DialerPrincipal() {}

  /** The user behind an authenticated request; 401 when the route was not guarded. */
  static VerifiedUser of(RoutingContext context) {
    VerifiedUser user = context.get(CONTEXT_KEY);
    if (user == null) {
      throw new SwitchboardException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    return user;
  }
}
