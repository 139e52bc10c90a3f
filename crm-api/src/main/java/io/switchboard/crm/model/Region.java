package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A region, province, city or district; regions form a tree through {@code parentId}. */
public record Region(long id, Long parentId, String level, String name) {

  /** The levels from the top of the tree down. */
  public static final List<String> LEVELS = List.of("region", "province", "city", "district");

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("parentId", parentId)
        .put("level", level)
        .put("name", name);
  }
}
