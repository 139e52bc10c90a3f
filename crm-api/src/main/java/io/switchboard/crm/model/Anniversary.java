package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/** A date worth remembering about a customer (a dictionary {@code anniversary_kind}). */
public record Anniversary(long id, String kind, LocalDate day, String note) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("kind", kind)
        .put("day", day.toString())
        .put("note", note);
  }

  public static Anniversary fromJson(JsonObject json) {
    return new Anniversary(
        json.getLong("id"),
        json.getString("kind"),
        LocalDate.parse(json.getString("day")),
        json.getString("note"));
  }
}
