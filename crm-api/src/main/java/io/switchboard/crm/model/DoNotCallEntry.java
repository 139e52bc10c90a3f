package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A number that must not be called, why, who added it, and until when (null: for good). */
public record DoNotCallEntry(
    String e164, String reason, Long addedBy, Instant addedAt, Instant expiresAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("phone", e164)
        .put("reason", reason)
        .put("addedBy", addedBy)
        .put("addedAt", addedAt)
        .put("expiresAt", expiresAt);
  }
}
