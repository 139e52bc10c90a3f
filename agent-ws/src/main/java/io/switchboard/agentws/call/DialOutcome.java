package io.switchboard.agentws.call;

import io.vertx.core.json.JsonObject;

/**
 * The result of a click-to-dial, pushed to the agent as {@value CallMessages#DIAL_RESULT}.
 *
 * @param userId the agent who dialled
 * @param originateId the dial's id, as the {@code call.dial} reply gave it
 * @param outcome {@code answered} (the agent's phone answered; the number is being dialled), the
 *     call's outcome when it ended before that ({@code no_answer}, {@code busy}, {@code
 *     congestion}, {@code failed}), or {@code unknown} when the bridge reported nothing in time
 * @param serverId the Asterisk server, or null when unknown
 * @param linkedId the call's Linkedid (what {@code call.wrapup} names), or null when unknown
 */
public record DialOutcome(
    long userId, String originateId, String outcome, String serverId, String linkedId) {

  /** Outcome when no result came in time. */
  public static final String UNKNOWN = "unknown";

  /** The {@code data} of the pushed message. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("originateId", originateId)
        .put("outcome", outcome)
        .put("serverId", serverId)
        .put("linkedId", linkedId);
  }
}
