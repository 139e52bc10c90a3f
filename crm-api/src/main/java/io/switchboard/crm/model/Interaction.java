package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One entry of a customer's timeline: a call, note, callback, ticket or disposition. */
public record Interaction(Instant at, String kind, long refId, Long userId, String summary) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("at", at)
        .put("kind", kind)
        .put("refId", refId)
        .put("userId", userId)
        .put("summary", summary);
  }
}
