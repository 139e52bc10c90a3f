package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A call with a customer, as the 360 view shows it (from the call log). Immutable. */
public record CallSummary(
    long id,
    String direction,
    String callerNumber,
    String dialledNumber,
    String queue,
    Long agentUserId,
    Instant startedAt,
    Instant answeredAt,
    Instant endedAt,
    long talkMs,
    String outcome,
    String disposition) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("direction", direction)
        .put("callerNumber", callerNumber)
        .put("dialledNumber", dialledNumber)
        .put("queue", queue)
        .put("agentUserId", agentUserId)
        .put("startedAt", startedAt)
        .put("answeredAt", answeredAt)
        .put("endedAt", endedAt)
        .put("talkMs", talkMs)
        .put("outcome", outcome)
        .put("disposition", disposition);
  }
}
