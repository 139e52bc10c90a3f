package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A person answered the call ({@value CallAddresses#CALL_ANSWERED}): an agent took it from a queue
 * ({@code AgentConnect}), a dialled party answered ({@code DialEnd ANSWER}), or the customer
 * answered an originated call ({@code OriginateResponse} reason 4).
 *
 * @param serverId configured id of the Asterisk server
 * @param linkedId the call's Asterisk Linkedid
 * @param callId Switchboard's stable id of the call (see {@link CallCreated#callId()})
 * @param direction inbound, outbound or internal
 * @param callerNumber caller ID number, empty when unknown
 * @param callerName caller ID name, empty when unknown
 * @param dialledNumber the number or extension the call was placed to, empty when unknown
 * @param queue the queue the call was answered from, or null
 * @param agentInterface interface of the queue member who answered, or null
 * @param memberName name of the queue member who answered, or null
 * @param answeringChannel the channel that answered, or null when not known
 * @param originateId the originator's correlation id, or null
 * @param answeredAt when it was answered
 * @param waitMs time from the call's start (or queue entry, for queue calls) to the answer
 */
public record CallAnswered(
    String serverId,
    String linkedId,
    String callId,
    CallDirection direction,
    String callerNumber,
    String callerName,
    String dialledNumber,
    String queue,
    String agentInterface,
    String memberName,
    String answeringChannel,
    String originateId,
    Instant answeredAt,
    long waitMs)
    implements PbxEvent {

  @Override
  public String address() {
    return CallAddresses.CALL_ANSWERED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("serverId", serverId)
        .put("linkedId", linkedId)
        .put("callId", callId)
        .put("direction", direction.wire())
        .put("callerNumber", callerNumber)
        .put("callerName", callerName)
        .put("dialledNumber", dialledNumber)
        .put("queue", queue)
        .put("agentInterface", agentInterface)
        .put("memberName", memberName)
        .put("answeringChannel", answeringChannel)
        .put("originateId", originateId)
        .put("answeredAt", JsonFields.instant(answeredAt))
        .put("waitMs", waitMs);
  }

  /** The event from its {@link #toJson()} form. */
  public static CallAnswered fromJson(JsonObject json) {
    return new CallAnswered(
        JsonFields.required(json, "serverId"),
        JsonFields.required(json, "linkedId"),
        JsonFields.required(json, "callId"),
        CallDirection.fromWire(JsonFields.required(json, "direction")),
        JsonFields.text(json, "callerNumber"),
        JsonFields.text(json, "callerName"),
        JsonFields.text(json, "dialledNumber"),
        JsonFields.text(json, "queue"),
        JsonFields.text(json, "agentInterface"),
        JsonFields.text(json, "memberName"),
        JsonFields.text(json, "answeringChannel"),
        JsonFields.text(json, "originateId"),
        JsonFields.instant(json, "answeredAt"),
        JsonFields.count(json, "waitMs"));
  }
}
