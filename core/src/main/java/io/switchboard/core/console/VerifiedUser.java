package io.switchboard.core.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link TokenVerifyRequest}: whom a live token belongs to, with the roles it
 * carries (a role change revokes the user's tokens, so they are current).
 *
 * @param userId the user's id
 * @param username the user's username
 * @param roles the user's roles ({@link ConsoleAddresses#ROLES})
 */
public record VerifiedUser(long userId, String username, List<String> roles) {

  public VerifiedUser {
    Objects.requireNonNull(username, "username");
    roles = List.copyOf(roles);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("username", username)
        .put("roles", new JsonArray(roles));
  }

  /** The user from its {@link #toJson()} form; an error naming the field when it is not one. */
  public static VerifiedUser fromJson(JsonObject json) {
    return new VerifiedUser(
        ConsoleJson.id(json, "userId"),
        ConsoleJson.text(json, "username"),
        ConsoleJson.roles(json));
  }
}
