package io.switchboard.crm.security;

import java.util.Locale;

/** The roles a user can hold; their names match the {@code roles} table. */
public enum Role {
  ADMIN,
  SUPERVISOR,
  AGENT;

  /** The name stored in the database and carried in tokens. */
  public String dbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role stored under {@code name}, or an error naming it. */
  public static Role fromDbName(String name) {
    for (Role role : values()) {
      if (role.dbName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'");
  }
}
