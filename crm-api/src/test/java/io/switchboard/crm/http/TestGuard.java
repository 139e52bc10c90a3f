package io.switchboard.crm.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.switchboard.crm.security.Role;
import io.switchboard.crm.security.RouteGuard;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * A stand-in for the real guard in these tests: the principal comes from the header {@value
 * #HEADER} ({@code <userId>:<role>}); agents lack the admin-only permissions, so that a test can
 * see that routes ask for them.
 */
final class TestGuard implements RouteGuard {

  static final String HEADER = "X-Test-User";

  static final Set<Permission> AGENT_DENIED =
      EnumSet.of(
          Permission.CUSTOMER_DELETE,
          Permission.CUSTOMER_RESTORE,
          Permission.CUSTOMER_IMPORT,
          Permission.CUSTOMER_EXPORT,
          Permission.DICTIONARY_WRITE,
          Permission.DO_NOT_CALL_WRITE,
          Permission.AUDIT_READ,
          Permission.USER_ADMIN);

  @Override
  public Handler<RoutingContext> authenticated() {
    return context -> {
      String header = context.request().getHeader(HEADER);
      if (header == null || !header.matches("\\d+:[a-z]+")) {
        context.fail(new SwitchboardException(ErrorCode.UNAUTHENTICATED, "no test user"));
        return;
      }
      String[] parts = header.split(":");
      Role role = Role.fromDbName(parts[1]);
      context.put(
          Principal.CONTEXT_KEY,
          new Principal(Long.parseLong(parts[0]), parts[1] + parts[0], Set.of(role)));
      context.next();
    };
  }

  @Override
  public Handler<RoutingContext> require(Permission permission) {
    return context -> {
      Principal principal = Principal.of(context);
      if (principal.has(Role.AGENT) && AGENT_DENIED.contains(permission)) {
        context.fail(new SwitchboardException(ErrorCode.FORBIDDEN, "needs " + permission));
        return;
      }
      context.next();
    };
  }
}
