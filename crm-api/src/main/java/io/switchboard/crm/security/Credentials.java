package io.switchboard.crm.security;

/** A user with their stored password hash (null when none is set), for login only. Immutable. */
public record Credentials(User user, String passwordHash) {

  @Override
  public String toString() {
    return "Credentials[user="
        + user
        + ", passwordHash="
        + (passwordHash == null ? "none" : "***")
        + "]";
  }
}
