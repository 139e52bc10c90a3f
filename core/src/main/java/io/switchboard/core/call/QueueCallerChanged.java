package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A caller joined, left or abandoned a queue ({@value CallAddresses#QUEUE_CALLER_CHANGED}), for the
 * supervisor console's list of waiting callers.
 *
 * @param serverId configured id of the Asterisk server
 * @param queue the queue's name
 * @param linkedId the caller's call (Asterisk Linkedid)
 * @param callId Switchboard's stable id of the call, or null when the call is not tracked
 * @param uniqueId the waiting caller's channel Uniqueid
 * @param channel the waiting caller's channel name
 * @param callerNumber caller ID number, empty when unknown
 * @param callerName caller ID name, empty when unknown
 * @param position position in the queue (1 first); for a leave, the position it left from
 * @param change joined, left or abandoned
 * @param waitMs time waited so far (join) or in total (leave, abandon)
 * @param at when the change was seen
 */
public record QueueCallerChanged(
    String serverId,
    String queue,
    String linkedId,
    String callId,
    String uniqueId,
    String channel,
    String callerNumber,
    String callerName,
    int position,
    QueueCallerChange change,
    long waitMs,
    Instant at)
    implements PbxEvent {

  @Override
  public String address() {
    return CallAddresses.QUEUE_CALLER_CHANGED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("serverId", serverId)
        .put("queue", queue)
        .put("linkedId", linkedId)
        .put("callId", callId)
        .put("uniqueId", uniqueId)
        .put("channel", channel)
        .put("callerNumber", callerNumber)
        .put("callerName", callerName)
        .put("position", position)
        .put("change", change.wire())
        .put("waitMs", waitMs)
        .put("at", JsonFields.instant(at));
  }

  /** The event from its {@link #toJson()} form. */
  public static QueueCallerChanged fromJson(JsonObject json) {
    return new QueueCallerChanged(
        JsonFields.required(json, "serverId"),
        JsonFields.required(json, "queue"),
        JsonFields.text(json, "linkedId"),
        JsonFields.text(json, "callId"),
        JsonFields.required(json, "uniqueId"),
        JsonFields.text(json, "channel"),
        JsonFields.text(json, "callerNumber"),
        JsonFields.text(json, "callerName"),
        (int) JsonFields.count(json, "position"),
        QueueCallerChange.fromWire(JsonFields.required(json, "change")),
        JsonFields.count(json, "waitMs"),
        JsonFields.instant(json, "at"));
  }
}
