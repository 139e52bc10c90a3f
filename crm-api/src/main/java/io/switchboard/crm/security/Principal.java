package io.switchboard.crm.security;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The authenticated user behind a request. The {@link RouteGuard} puts it on the routing context;
 * route handlers read it with {@link #of}. Immutable.
 */
public record Principal(long userId, String username, Set<Role> roles) {

  /** Where the principal is kept on the routing context. */
  public static final String CONTEXT_KEY = "switchboard.principal";

  public Principal {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * The principal of an authenticated request.
   *
   * @throws SwitchboardException UNAUTHENTICATED when the route was not guarded
   */
  public static Principal of(RoutingContext context) {
    Principal principal = context.get(CONTEXT_KEY);
    if (principal == null) {
      throw new SwitchboardException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    return principal;
  }
}
