package io.switchboard.crm.audit;

import io.vertx.core.json.JsonObject;

/**
 * One thing to record in the audit log: who ({@code userId}, null for the system or an unknown
 * user), what ({@code action}, such as {@code login} or {@code update}), on which entity, the
 * entity before and after (null where it does not apply) and a free-text detail. Immutable.
 */
public record AuditEvent(
    Long userId,
    String action,
    String entity,
    Long entityId,
    JsonObject before,
    JsonObject after,
    String detail) {

  /** Actions this package writes; the CRM repositories add read, create, delete and others. */
  public static final String LOGIN = "login";

  public static final String LOGIN_FAILED = "login_failed";
  public static final String LOGOUT = "logout";
  public static final String CREATE = "create";
  public static final String UPDATE = "update";

  /** The entity name of users in the audit log. */
  public static final String USER = "user";
}
