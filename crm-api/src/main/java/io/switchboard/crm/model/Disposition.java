package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A disposition an agent recorded for a customer, usually for one call. Immutable. */
public record Disposition(
    long id, long customerId, Long callLogId, String code, String note, Long userId, Instant at) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("customerId", customerId)
        .put("callLogId", callLogId)
        .put("code", code)
        .put("note", note)
        .put("userId", userId)
        .put("createdAt", at);
  }
}
