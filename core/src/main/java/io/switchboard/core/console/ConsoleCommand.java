package io.switchboard.core.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * A command a console client sent, as the session layer forwards it to {@link
 * ConsoleAddresses#commandAddress(String)} of its type, with the verified identity of the session
 * that sent it.
 *
 * @param userId the sender's user id
 * @param username the sender's username
 * @param roles the sender's roles ({@link ConsoleAddresses#ROLES})
 * @param type dotted lowercase command type, e.g. {@code agent.ready}
 * @param data the command's content, an empty object when it has none
 */
public record ConsoleCommand(
    long userId, String username, List<String> roles, String type, JsonObject data) {

  public ConsoleCommand {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(type, "type");
    roles = List.copyOf(roles);
    data = data == null ? new JsonObject() : data;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("username", username)
        .put("roles", new JsonArray(roles))
        .put("type", type)
        .put("data", data);
  }

  /** The command from its {@link #toJson()} form; an error naming the field when it is not one. */
  public static ConsoleCommand fromJson(JsonObject json) {
    return new ConsoleCommand(
        ConsoleJson.id(json, "userId"),
        ConsoleJson.text(json, "username"),
        ConsoleJson.roles(json),
        ConsoleJson.text(json, "type"),
        ConsoleJson.object(json, "data"));
  }
}
