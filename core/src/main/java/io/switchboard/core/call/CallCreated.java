package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A new call: its first channel appeared on the PBX ({@value CallAddresses#CALL_CREATED}).
 *
 * @param serverId configured id of the Asterisk server
 * @param linkedId the call's Asterisk Linkedid (its key in {@code call_logs})
 * @param callId Switchboard's id of the call, {@code <serverId>:<first Linkedid>}; unlike the
 *     Linkedid it never changes while the call lives
 * @param direction inbound, outbound or internal, as far as known at creation
 * @param callerNumber caller ID number of the first channel, empty when unknown
 * @param callerName caller ID name of the first channel, empty when unknown
 * @param dialledNumber the number or extension the call was placed to, empty when unknown
 * @param channel name of the first channel, e.g. {@code PJSIP/trunk-00000012}
 * @param originateId the originator's correlation id ({@link OriginateIds}), or null
 * @param startedAt when the first channel appeared
 */
public record CallCreated(
    String serverId,
    String linkedId,
    String callId,
    CallDirection direction,
    String callerNumber,
    String callerName,
    String dialledNumber,
    String channel,
    String originateId,
    Instant startedAt)
    implements PbxEvent {

  @Override
  public String address() {
    return CallAddresses.CALL_CREATED;
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
        .put("channel", channel)
        .put("originateId", originateId)
        .put("startedAt", JsonFields.instant(startedAt));
  }

  /** The event from its {@link #toJson()} form. */
  public static CallCreated fromJson(JsonObject json) {
    return new CallCreated(
        JsonFields.required(json, "serverId"),
        JsonFields.required(json, "linkedId"),
        JsonFields.required(json, "callId"),
        CallDirection.fromWire(JsonFields.required(json, "direction")),
        JsonFields.text(json, "callerNumber"),
        JsonFields.text(json, "callerName"),
        JsonFields.text(json, "dialledNumber"),
        JsonFields.text(json, "channel"),
        JsonFields.text(json, "originateId"),
        JsonFields.instant(json, "startedAt"));
  }
}
