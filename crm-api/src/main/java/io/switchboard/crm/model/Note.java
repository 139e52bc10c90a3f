package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A free-text note an agent wrote about a customer. Immutable. */
public record Note(long id, long customerId, Long userId, String body, Instant createdAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("customerId", customerId)
        .put("userId", userId)
        .put("body", body)
        .put("createdAt", createdAt);
  }
}
