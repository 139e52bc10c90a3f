package io.switchboard.crm.security;

import java.util.Optional;
import java.util.Set;

/** The fields an admin changes on a user; an empty field stays as it is. Immutable. */
public record UserUpdate(
    Optional<String> displayName, Optional<Boolean> active, Optional<Set<Role>> roles) {

  public UserUpdate {
    roles = roles.map(Set::copyOf);
  }

  /** The update applied to {@code user}. */
  public User applyTo(User user) {
    return new User(
        user.id(),
        user.username(),
        displayName.orElse(user.displayName()),
        active.orElse(user.active()),
        roles.orElse(user.roles()),
        user.createdAt(),
        user.updatedAt(),
        user.passwordChangedAt(),
        user.lastLoginAt());
  }
}
