package io.switchboard.agentws.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One agent's state at one moment. Immutable.
 *
 * @param userId the agent's user id
 * @param status the state
 * @param reason the pause reason code when paused, otherwise null
 * @param agentInterface the queue member interface the agent logged in with (e.g. {@code
 *     PJSIP/1001}), null when logged out
 * @param queues the queues the agent is a member of, empty when logged out
 * @param since when the agent entered this state
 * @param linkedId the call ringing, talking or being wrapped up, otherwise null
 * @param callQueue the queue of that call, otherwise null
 * @param wrapUpEndsAt when the wrap-up ends by itself, only in {@link AgentStatus#WRAP_UP}
 */
public record AgentState(
    long userId,
    AgentStatus status,
    String reason,
    String agentInterface,
    List<String> queues,
    Instant since,
    String linkedId,
    String callQueue,
    Instant wrapUpEndsAt) {

  public AgentState {
    queues = List.copyOf(queues);
  }

  /** A user who never logged in, or whose state was lost. */
  public static AgentState loggedOut(long userId, Instant since) {
    return new AgentState(
        userId, AgentStatus.LOGGED_OUT, null, null, List.of(), since, null, null, null);
  }

  /** This agent, in another status from {@code at}, with no call. */
  AgentState to(AgentStatus next, String nextReason, Instant at) {
    return new AgentState(userId, next, nextReason, agentInterface, queues, at, null, null, null);
  }

  /** This agent, in a call status from {@code at}. */
  AgentState toCall(AgentStatus next, String call, String queue, Instant at, Instant wrapUpEnd) {
    return new AgentState(userId, next, null, agentInterface, queues, at, call, queue, wrapUpEnd);
  }

  /** True unless logged out. */
  public boolean loggedIn() {
    return status != AgentStatus.LOGGED_OUT;
  }

  /** The JSON form, as pushed to consoles and kept in Redis. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("state", status.wire())
        .put("reason", reason)
        .put("interface", agentInterface)
        .put("queues", new JsonArray(queues))
        .put("since", since.toString())
        .put("linkedId", linkedId)
        .put("callQueue", callQueue)
        .put("wrapUpEndsAt", wrapUpEndsAt == null ? null : wrapUpEndsAt.toString());
  }

  /** The state from its {@link #toJson()} form. */
  public static AgentState fromJson(JsonObject json) {
    String wrapUpEnd = json.getString("wrapUpEndsAt");
    JsonArray queues = json.getJsonArray("queues", new JsonArray());
    return new AgentState(
        json.getLong("userId"),
        AgentStatus.fromWire(json.getString("state")),
        json.getString("reason"),
        json.getString("interface"),
        queues.stream().map(String::valueOf).toList(),
        Instant.parse(json.getString("since")),
        json.getString("linkedId"),
        json.getString("callQueue"),
        wrapUpEnd == null ? null : Instant.parse(wrapUpEnd));
  }
}
