package io.switchboard.agentws.session;

import io.vertx.core.json.JsonObject;

/**
 * Encodes the frames the server sends: the envelope {@code {type, seq, data}} of pushes and
 * snapshots, and replies and errors, which carry {@code replyTo} instead of a sequence number.
 * Pure; thread-safe.
 */
final class ConsoleFrames {

  static final String SNAPSHOT = "snapshot";
  static final String ERROR = "error";
  static final String RESUMED = "resumed";

  private ConsoleFrames() {}

  static String push(String type, long seq, String encodedData) {
    return "{\"type\":"
        + io.vertx.core.json.Json.encode(type)
        + ",\"seq\":"
        + seq
        + ",\"data\":"
        + encodedData
        + "}";
  }

  static String snapshot(String epoch, long seq, JsonObject data) {
    return new JsonObject()
        .put("type", SNAPSHOT)
        .put("seq", seq)
        .put("epoch", epoch)
        .put("data", data)
        .encode();
  }

  static String resumed(String epoch, long fromSeq, long seq, int resent) {
    return new JsonObject()
        .put("type", RESUMED)
        .put("seq", seq)
        .put("epoch", epoch)
        .put("data", new JsonObject().put("fromSeq", fromSeq).put("resent", resent))
        .encode();
  }

  static String reply(String type, Object replyTo, JsonObject data) {
    JsonObject frame = new JsonObject().put("type", type);
    if (replyTo != null) {
      frame.put("replyTo", replyTo);
    }
    return frame.put("data", data).encode();
  }

  static String error(Object replyTo, int code, String message) {
    return reply(ERROR, replyTo, new JsonObject().put("code", code).put("message", message));
  }
}
