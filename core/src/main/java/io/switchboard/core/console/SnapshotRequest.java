package io.switchboard.core.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Asks ({@link ConsoleAddresses#SNAPSHOT}) for the state a user's session shows from scratch: on
 * connect and after a resume whose gap the replay buffer no longer covers.
 *
 * @param userId the session's user id
 * @param username the session's username
 * @param roles the session's roles ({@link ConsoleAddresses#ROLES})
 */
public record SnapshotRequest(long userId, String username, List<String> roles) {

  public SnapshotRequest {
    Objects.requireNonNull(username, "username");
    roles = List.copyOf(roles);
  }

  /** The request of a verified session. */
  public static SnapshotRequest of(VerifiedUser user) {
    return new SnapshotRequest(user.userId(), user.username(), user.roles());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("username", username)
        .put("roles", new JsonArray(roles));
  }

  /** The request from its {@link #toJson()} form; an error naming the field when it is not one. */
  public static SnapshotRequest fromJson(JsonObject json) {
    return new SnapshotRequest(
        ConsoleJson.id(json, "userId"),
        ConsoleJson.text(json, "username"),
        ConsoleJson.roles(json));
  }
}
