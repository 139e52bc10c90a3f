package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The caller entered a queue ({@value CallAddresses#CALL_QUEUED}), from {@code QueueCallerJoin}.
 *
 * @param serverId configured id of the Asterisk server
 * @param linkedId the call's Asterisk Linkedid
 * @param callId Switchboard's stable id of the call (see {@link CallCreated#callId()})
 * @param queue the queue's name
 * @param position the caller's position in the queue, 1 first
 * @param callerNumber caller ID number, empty when unknown
 * @param callerName caller ID name, empty when unknown
 * @param originateId the originator's correlation id, or null
 * @param queuedAt when the caller joined
 */
public record CallQueued(
    String serverId,
    String linkedId,
    String callId,
    String queue,
    int position,
    String callerNumber,
    String callerName,
    String originateId,
    Instant queuedAt)
    implements PbxEvent {

  @Override
  public String address() {
    return CallAddresses.CALL_QUEUED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("serverId", serverId)
        .put("linkedId", linkedId)
        .put("callId", callId)
        .put("queue", queue)
        .put("position", position)
        .put("callerNumber", callerNumber)
        .put("callerName", callerName)
        .put("originateId", originateId)
        .put("queuedAt", JsonFields.instant(queuedAt));
  }

  /** The event from its {@link #toJson()} form. */
  public static CallQueued fromJson(JsonObject json) {
    Integer position = JsonFields.integer(json, "position");
    return new CallQueued(
        JsonFields.required(json, "serverId"),
        JsonFields.required(json, "linkedId"),
        JsonFields.required(json, "callId"),
        JsonFields.required(json, "queue"),
        position == null ? 0 : position,
        JsonFields.text(json, "callerNumber"),
        JsonFields.text(json, "callerName"),
        JsonFields.text(json, "originateId"),
        JsonFields.instant(json, "queuedAt"));
  }
}
