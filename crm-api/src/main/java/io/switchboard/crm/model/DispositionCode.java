package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;

/** A code agents record as the outcome of a call; {@code finalOutcome}: nothing more to do. */
public record DispositionCode(String code, String label, boolean finalOutcome, boolean active) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("code", code)
        .put("label", label)
        .put("final", finalOutcome)
        .put("active", active);
  }
}
