package io.switchboard.crm.security;

import io.switchboard.crm.audit.AuditRoutes;
import io.switchboard.crm.security.PermissionMatrixWalker.Access;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each route of the security and audit APIs needs, for {@link PermissionMatrixWalker}. The
 * full API's map is this one merged with the CRM routes' own.
 */
public final class SecurityRouteAccess {

  private SecurityRouteAccess() {}

  public static Map<String, Access> expected() {
    Map<String, Access> expected = new LinkedHashMap<>();
    expected.put("POST " + AuthRoutes.LOGIN, Access.publicRoute());
    expected.put("POST " + AuthRoutes.LOGOUT, Access.anyUser());
    expected.put("GET " + AuthRoutes.ME, Access.anyUser());
    expected.put("GET " + UserRoutes.USERS, Access.needs(Permission.USER_ADMIN));
    expected.put("POST " + UserRoutes.USERS, Access.needs(Permission.USER_ADMIN));
    expected.put("GET " + UserRoutes.USER, Access.needs(Permission.USER_ADMIN));
    expected.put("PATCH " + UserRoutes.USER, Access.needs(Permission.USER_ADMIN));
    expected.put("PUT " + UserRoutes.PASSWORD, Access.needs(Permission.USER_ADMIN));
    expected.put("DELETE " + UserRoutes.TOKENS, Access.needs(Permission.USER_ADMIN));
    expected.put("GET " + AuditRoutes.AUDIT, Access.needs(Permission.AUDIT_READ));
    return expected;
  }
}
