package io.switchboard.crm.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/**
 * A user as admins see it: never the password hash. Times are null when the event has not happened
 * (no password yet, never logged in). Immutable.
 */
public record User(
    long id,
    String username,
    String displayName,
    boolean active,
    Set<Role> roles,
    Instant createdAt,
    Instant updatedAt,
    Instant passwordChangedAt,
    Instant lastLoginAt) {

  public User {
    roles = Set.copyOf(roles);
  }

  /** The principal this user logs in as. */
  public Principal principal() {
    return new Principal(id, username, roles);
  }

  /** The JSON shape of the users API, also written to the audit log. */
  public JsonObject toJson() {
    JsonArray roleNames = new JsonArray();
    roles.stream().map(Role::dbName).sorted().forEach(roleNames::add);
    return new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("displayName", displayName)
        .put("active", active)
        .put("roles", roleNames)
        .put("createdAt", text(createdAt))
        .put("updatedAt", text(updatedAt))
        .put("passwordChangedAt", text(passwordChangedAt))
        .put("lastLoginAt", text(lastLoginAt));
  }

  /** The fields an audit entry keeps: what an admin changes, not when it was last touched. */
  public JsonObject toAuditJson() {
    JsonObject json = toJson();
    json.remove("createdAt");
    json.remove("updatedAt");
    json.remove("lastLoginAt");
    json.remove("passwordChangedAt");
    return json;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
