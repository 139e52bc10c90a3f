package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * "from works for to", "from holds to", person to person, or a trade role (buyer, payer, receiver,
 * channel dealer) that "from" plays for "to". Immutable.
 */
public record Relationship(
    long id,
    long fromCustomerId,
    String fromName,
    long toCustomerId,
    String toName,
    String kind,
    String role,
    String note,
    Instant createdAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("fromCustomerId", fromCustomerId)
        .put("fromName", fromName)
        .put("toCustomerId", toCustomerId)
        .put("toName", toName)
        .put("kind", kind)
        .put("role", role)
        .put("note", note)
        .put("createdAt", createdAt);
  }
}
