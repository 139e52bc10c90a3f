package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;

/** A postal address of a customer, optionally placed in a region. Immutable. */
public record Address(long id, String label, String line, Long regionId, String postalCode) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("label", label)
        .put("line", line)
        .put("regionId", regionId)
        .put("postalCode", postalCode);
  }

  public static Address fromJson(JsonObject json) {
    return new Address(
        json.getLong("id"),
        json.getString("label"),
        json.getString("line"),
        json.getLong("regionId"),
        json.getString("postalCode"));
  }
}
