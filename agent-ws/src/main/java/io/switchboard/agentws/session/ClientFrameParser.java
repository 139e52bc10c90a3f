package io.switchboard.agentws.session;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * Reads a client's text message into a {@link ClientFrame}, or throws {@link
 * BadClientFrameException} with a message naming what is wrong (sent back in an {@code error}
 * frame). Pure; thread-safe.
 */
final class ClientFrameParser {

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
  private static final int MAX_TYPE_LENGTH = 64;
  private static final int MAX_ID_LENGTH = 64;

  private ClientFrameParser() {}

  static ClientFrame parse(String text) {
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(text);
    } catch (DecodeException bad) {
      throw new BadClientFrameException("malformed JSON: " + firstLine(bad.getMessage()), null);
    }
    if (!(parsed instanceof JsonObject frame)) {
      throw new BadClientFrameException("a message must be a JSON object", null);
    }
    Object id = frame.getValue("id");
    if (id != null
        && !(id instanceof Number)
        && !(id instanceof String idText && idText.length() <= MAX_ID_LENGTH)) {
      throw new BadClientFrameException(
          "'id' must be a number or a string of at most " + MAX_ID_LENGTH + " characters", null);
    }
    Object type = frame.getValue("type");
    if (!(type instanceof String name) || name.isEmpty()) {
      throw new BadClientFrameException("'type' must be a non-empty string", id);
    }
    if (name.length() > MAX_TYPE_LENGTH || !TYPE.matcher(name).matches()) {
      throw new BadClientFrameException(
          "'type' must be dotted lowercase such as agent.ready, at most "
              + MAX_TYPE_LENGTH
              + " characters",
          id);
    }
    Object data = frame.getValue("data");
    if (data != null && !(data instanceof JsonObject)) {
      throw new BadClientFrameException("'data' must be a JSON object", id);
    }
    return new ClientFrame(name, id, data == null ? new JsonObject() : (JsonObject) data);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
