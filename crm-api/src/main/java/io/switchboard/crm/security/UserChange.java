package io.switchboard.crm.security;

/**
 * A user before and after an update. When the roles changed or the user was deactivated, every
 * token the user holds must be revoked ({@link #revokesTokens()}). Immutable.
 */
public record UserChange(User before, User after) {

  public boolean revokesTokens() {
    return !before.roles().equals(after.roles()) || (before.active() && !after.active());
  }
}
