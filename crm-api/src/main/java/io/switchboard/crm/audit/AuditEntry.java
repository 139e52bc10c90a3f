package io.switchboard.crm.audit;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One row of the audit log as the audit query returns it. Immutable. */
public record AuditEntry(long id, Instant at, AuditEvent event) {

  /** The JSON shape of {@code GET /api/v1/audit}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("at", at.toString())
        .put("userId", event.userId())
        .put("action", event.action())
        .put("entity", event.entity())
        .put("entityId", event.entityId())
        .put("before", event.before())
        .put("after", event.after())
        .put("detail", event.detail());
  }
}
