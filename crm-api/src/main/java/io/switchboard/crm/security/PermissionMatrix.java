package io.switchboard.crm.security;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of which role holds which permission; a user's permissions are the union over their
 * roles. Only admins delete, restore, read the audit log, manage users and edit the data
 * dictionary; only admins and supervisors import, export and change the do-not-call list. Immutable
 * and thread-safe.
 */
public final class PermissionMatrix {

  private static final Map<Role, Set<Permission>> GRANTS = grants();

  private PermissionMatrix() {}

  private static Map<Role, Set<Permission>> grants() {
    Map<Role, Set<Permission>> grants = new EnumMap<>(Role.class);
    grants.put(Role.ADMIN, EnumSet.allOf(Permission.class));
    grants.put(
        Role.SUPERVISOR,
        EnumSet.of(
            Permission.CUSTOMER_READ,
            Permission.CUSTOMER_WRITE,
            Permission.CUSTOMER_IMPORT,
            Permission.CUSTOMER_EXPORT,
            Permission.TICKET_READ,
            Permission.TICKET_WRITE,
            Permission.CALLBACK_READ,
            Permission.CALLBACK_WRITE,
            Permission.DISPOSITION_WRITE,
            Permission.DO_NOT_CALL_READ,
            Permission.DO_NOT_CALL_WRITE));
    grants.put(
        Role.AGENT,
        EnumSet.of(
            Permission.CUSTOMER_READ,
            Permission.CUSTOMER_WRITE,
            Permission.TICKET_READ,
            Permission.TICKET_WRITE,
            Permission.CALLBACK_READ,
            Permission.CALLBACK_WRITE,
            Permission.DISPOSITION_WRITE,
            Permission.DO_NOT_CALL_READ));
    grants.replaceAll((role, permissions) -> Collections.unmodifiableSet(permissions));
    return Collections.unmodifiableMap(grants);
  }

  /** The permissions one role holds. */
  public static Set<Permission> of(Role role) {
    return GRANTS.get(role);
  }

  /** True when at least one of {@code roles} holds {@code permission}. */
  public static boolean allows(Set<Role> roles, Permission permission) {
    for (Role role : roles) {
      if (GRANTS.get(role).contains(permission)) {
        return true;
      }
    }
    return false;
  }
}
