package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A queue rang an agent for the call ({@value CallAddresses#CALL_OFFERED}), from {@code
 * AgentCalled}.
 *
 * @param serverId configured id of the Asterisk server
 * @param linkedId the call's Asterisk Linkedid
 * @param callId Switchboard's stable id of the call (see {@link CallCreated#callId()})
 * @param queue the queue that rang the agent
 * @param agentInterface the queue member's interface, e.g. {@code PJSIP/1001} or {@code
 *     Local/1001@agents/n}; the key that identifies the agent
 * @param memberName the queue member's name
 * @param agentChannel the channel that rings the agent
 * @param callerNumber caller ID number of the waiting caller, empty when unknown
 * @param callerName caller ID name of the waiting caller, empty when unknown
 * @param offeredAt when the agent started ringing
 */
public record CallOffered(
    String serverId,
    String linkedId,
    String callId,
    String queue,
    String agentInterface,
    String memberName,
    String agentChannel,
    String callerNumber,
    String callerName,
    Instant offeredAt)
    implements PbxEvent {

  @Override
  public String address() {
    return CallAddresses.CALL_OFFERED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("serverId", serverId)
        .put("linkedId", linkedId)
        .put("callId", callId)
        .put("queue", queue)
        .put("agentInterface", agentInterface)
        .put("memberName", memberName)
        .put("agentChannel", agentChannel)
        .put("callerNumber", callerNumber)
        .put("callerName", callerName)
        .put("offeredAt", JsonFields.instant(offeredAt));
  }

  /** The event from its {@link #toJson()} form. */
  public static CallOffered fromJson(JsonObject json) {
    return new CallOffered(
        JsonFields.required(json, "serverId"),
        JsonFields.required(json, "linkedId"),
        JsonFields.required(json, "callId"),
        JsonFields.text(json, "queue"),
        JsonFields.text(json, "agentInterface"),
        JsonFields.text(json, "memberName"),
        JsonFields.text(json, "agentChannel"),
        JsonFields.text(json, "callerNumber"),
        JsonFields.text(json, "callerName"),
        JsonFields.instant(json, "offeredAt"));
  }
}
