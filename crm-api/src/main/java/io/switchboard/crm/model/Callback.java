package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A promise to call someone back: when, for whom (an agent or a queue), why, status, outcome. */
public record Callback(
    long id,
    Long customerId,
    Long contactId,
    String phoneE164,
    Instant dueAt,
    Long assignedUserId,
    String assignedQueue,
    String reason,
    int priority,
    String status,
    String outcome,
    int attempts,
    Long createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("customerId", customerId)
        .put("contactId", contactId)
        .put("phone", phoneE164)
        .put("dueAt", dueAt)
        .put("assignedUserId", assignedUserId)
        .put("assignedQueue", assignedQueue)
        .put("reason", reason)
        .put("priority", priority)
        .put("status", status)
        .put("outcome", outcome)
        .put("attempts", attempts)
        .put("createdBy", createdBy)
        .put("createdAt", createdAt)
        .put("updatedAt", updatedAt)
        .put("completedAt", completedAt);
  }
}
