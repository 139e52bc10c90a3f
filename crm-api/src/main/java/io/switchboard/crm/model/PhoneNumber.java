package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;

/** A stored phone number of a customer or contact: E.164, as entered, and a label. Immutable. */
public record PhoneNumber(long id, String e164, String asEntered, String label) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("e164", e164)
        .put("asEntered", asEntered)
        .put("label", label);
  }

  public static PhoneNumber fromJson(JsonObject json) {
    return new PhoneNumber(
        json.getLong("id"),
        json.getString("e164"),
        json.getString("asEntered"),
        json.getString("label"));
  }
}
