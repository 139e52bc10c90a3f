package io.switchboard.crm.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** A person at an organisation customer, with their phone numbers. Immutable. */
public record Contact(
    long id,
    long customerId,
    String name,
    String title,
    String email,
    List<PhoneNumber> phones,
    Instant createdAt,
    Instant updatedAt) {

  public Contact {
    phones = List.copyOf(phones);
  }

  public JsonObject toJson() {
    JsonArray phoneArray = new JsonArray();
    phones.forEach(phone -> phoneArray.add(phone.toJson()));
    return new JsonObject()
        .put("id", id)
        .put("customerId", customerId)
        .put("name", name)
        .put("title", title)
        .put("email", email)
        .put("phones", phoneArray)
        .put("createdAt", createdAt)
        .put("updatedAt", updatedAt);
  }
}
