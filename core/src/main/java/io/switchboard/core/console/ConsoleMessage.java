package io.switchboard.core.console;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A message for console sessions: published on {@link ConsoleAddresses#toUser(long)} or {@link
 * ConsoleAddresses#toRole(String)}, and the reply to a {@link ConsoleCommand}. The session layer
 * wraps it in its envelope {@code {type, seq, data}}.
 *
 * @param type dotted lowercase message type, e.g. {@code agent.state.changed}
 * @param data the message's content, an empty object when it has none
 */
public record ConsoleMessage(String type, JsonObject data) {

  public ConsoleMessage {
    Objects.requireNonNull(type, "type");
    data = data == null ? new JsonObject() : data;
  }

  public JsonObject toJson() {
    return new JsonObject().put("type", type).put("data", data);
  }

  /** The message from its {@link #toJson()} form; an error naming the field when it is not one. */
  public static ConsoleMessage fromJson(JsonObject json) {
    return new ConsoleMessage(ConsoleJson.text(json, "type"), ConsoleJson.object(json, "data"));
  }
}
