package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** One classification value (customer type, value tier, relationship role, anniversary kind). */
public record DictionaryEntry(
    String category, String code, String label, int sortOrder, boolean active) {

  /** The categories the dictionary holds; the database accepts exactly these. */
  public static final List<String> CATEGORIES =
      List.of("customer_type", "value_tier", "relationship_role", "anniversary_kind");

  public JsonObject toJson() {
    return new JsonObject()
        .put("category", category)
        .put("code", code)
        .put("label", label)
        .put("sortOrder", sortOrder)
        .put("active", active);
  }
}
