package io.switchboard.crm.security;

import io.switchboard.core.config.SecuritySettings;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the JSON bodies of the users API into validated requests; every bad field is named in one
 * 422 answer. Stateless.
 */
final class UserRequests {

  static final Set<String> CREATE_FIELDS =
      Set.of("username", "displayName", "password", "roles", "active");
  static final Set<String> UPDATE_FIELDS = Set.of("displayName", "roles", "active");
  static final Set<String> PASSWORD_FIELDS = Set.of("password");

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final int MAX_DISPLAY_NAME = 200;

  private UserRequests() {}

  /** A user to create, and their password (not yet hashed). */
  record Creation(NewUser user, String password) {}

  static Creation creation(JsonObject body) {
    List<String> problems = new ArrayList<>();
    String username = text(body, "username", problems);
    if (username != null && !USERNAME.matcher(username).matches()) {
      problems.add("username: must be 1 to 64 letters, digits or the characters . _ @ -");
    }
    String displayName = body.containsKey("displayName") ? displayName(body, problems) : username;
    String password = password(body, problems);
    Set<Role> roles = roles(body, problems, true);
    Boolean active = flag(body, "active", problems);
    finish(problems);
    return new Creation(
        new NewUser(username, displayName, active == null || active, roles), password);
  }

  static UserUpdate update(JsonObject body) {
    List<String> problems = new ArrayList<>();
    Optional<String> displayName =
        body.containsKey("displayName")
            ? Optional.ofNullable(displayName(body, problems))
            : Optional.empty();
    Optional<Set<Role>> roles =
        body.containsKey("roles")
            ? Optional.ofNullable(roles(body, problems, false))
            : Optional.empty();
    Optional<Boolean> active = Optional.ofNullable(flag(body, "active", problems));
    if (problems.isEmpty() && displayName.isEmpty() && roles.isEmpty() && active.isEmpty()) {
      problems.add("the body changes nothing: give displayName, roles or active");
    }
    finish(problems);
    return new UserUpdate(displayName, active, roles);
  }

  static String newPassword(JsonObject body) {
    List<String> problems = new ArrayList<>();
    String password = password(body, problems);
    finish(problems);
    return password;
  }

  private static String displayName(JsonObject body, List<String> problems) {
    String name = text(body, "displayName", problems);
    if (name != null && (name.isBlank() || name.length() > MAX_DISPLAY_NAME)) {
      problems.add("displayName: must be 1 to " + MAX_DISPLAY_NAME + " characters, not blank");
      return null;
    }
    return name;
  }

  private static String password(JsonObject body, List<String> problems) {
    String password = text(body, "password", problems);
    if (password == null) {
      return null;
    }
    int length = password.codePointCount(0, password.length());
    if (length < SecuritySettings.MIN_PASSWORD_LENGTH
        || length > SecuritySettings.MAX_PASSWORD_LENGTH) {
      problems.add(
          "password: must be "
              + SecuritySettings.MIN_PASSWORD_LENGTH
              + " to "
              + SecuritySettings.MAX_PASSWORD_LENGTH
              + " characters long");
      return null;
    }
    return password;
  }

  private static Set<Role> roles(JsonObject body, List<String> problems, boolean required) {
    Object value = body.getValue("roles");
    if (value == null && !required) {
      problems.add("roles: must be an array of role names, not null");
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      problems.add("roles: required, an array of role names (admin, supervisor, agent)");
      return null;
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object name : array) {
      try {
        roles.add(Role.fromDbName((String) name));
      } catch (IllegalArgumentException | ClassCastException | NullPointerException unknown) {
        problems.add("roles: unknown role " + name + " (known: admin, supervisor, agent)");
      }
    }
    return roles;
  }

  private static String text(JsonObject body, String field, List<String> problems) {
    Object value = body.getValue(field);
    if (value instanceof String text) {
      return text;
    }
    problems.add(field + (value == null ? ": required, a string" : ": must be a string"));
    return null;
  }

  private static Boolean flag(JsonObject body, String field, List<String> problems) {
    Object value = body.getValue(field);
    if (value == null || value instanceof Boolean) {
      if (value == null && body.containsKey(field)) {
        problems.add(field + ": must be true or false, not null");
      }
      return (Boolean) value;
    }
    problems.add(field + ": must be true or false");
    return null;
  }

  private static void finish(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new SwitchboardException(ErrorCode.VALIDATION_FAILED, String.join("; ", problems));
    }
  }
}
