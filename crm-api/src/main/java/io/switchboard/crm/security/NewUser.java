package io.switchboard.crm.security;

import java.util.Set;

/** A user an admin creates, already validated; the password travels separately, hashed. */
public record NewUser(String username, String displayName, boolean active, Set<Role> roles) {

  public NewUser {
    roles = Set.copyOf(roles);
  }
}
