package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A transfer of the call was attempted ({@value CallAddresses#CALL_TRANSFERRED}), from {@code
 * BlindTransfer} or {@code AttendedTransfer}.
 *
 * @param serverId configured id of the Asterisk server
 * @param linkedId the call's Asterisk Linkedid
 * @param callId Switchboard's stable id of the call (see {@link CallCreated#callId()})
 * @param kind blind or attended
 * @param transfererChannel the channel that transferred (the agent's, usually)
 * @param target where the call went: {@code exten@context} for a blind transfer, the transfer
 *     target's channel for an attended one; empty when Asterisk did not say
 * @param success whether Asterisk reported {@code Result: Success}
 * @param consultationCallId for an attended transfer, Switchboard's id of the consultation call
 *     that was joined into this one, or null
 * @param transferredAt when Asterisk reported the transfer
 */
public record CallTransferred(
    String serverId,
    String linkedId,
    String callId,
    TransferKind kind,
    String transfererChannel,
    String target,
    boolean success,
    String consultationCallId,
    Instant transferredAt)
    implements PbxEvent {

  @Override
  public String address() {
    return CallAddresses.CALL_TRANSFERRED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("serverId", serverId)
        .put("linkedId", linkedId)
        .put("callId", callId)
        .put("kind", kind.wire())
        .put("transfererChannel", transfererChannel)
        .put("target", target)
        .put("success", success)
        .put("consultationCallId", consultationCallId)
        .put("transferredAt", JsonFields.instant(transferredAt));
  }

  /** The event from its {@link #toJson()} form. */
  public static CallTransferred fromJson(JsonObject json) {
    return new CallTransferred(
        JsonFields.required(json, "serverId"),
        JsonFields.required(json, "linkedId"),
        JsonFields.required(json, "callId"),
        TransferKind.fromWire(JsonFields.required(json, "kind")),
        JsonFields.text(json, "transfererChannel"),
        JsonFields.text(json, "target"),
        JsonFields.flag(json, "success"),
        JsonFields.text(json, "consultationCallId"),
        JsonFields.instant(json, "transferredAt"));
  }
}
