package io.switchboard.ami.calllog;

import io.switchboard.ami.tracker.CallLeg;
import io.switchboard.ami.tracker.CallOffer;
import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.ami.tracker.CallTransfer;
import io.switchboard.ami.tracker.LegRole;
import io.switchboard.ami.tracker.OfferResult;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.HangupSide;
import io.switchboard.core.call.TransferKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON form of a {@link CallRecord}: one line of the call-log spool, and the body sent from a
 * tracker to the call-log writer. Instants are ISO-8601 strings; enums their lower-case names.
 * Stateless.
 */
public final class CallRecordJson {

  private CallRecordJson() {}

  public static JsonObject toJson(CallRecord r) {
    JsonArray legs = new JsonArray();
    for (CallLeg leg : r.legs()) {
      legs.add(
          new JsonObject()
              .put("uniqueId", leg.uniqueId())
              .put("channel", leg.channel())
              .put("role", leg.role().wire())
              .put("rangAt", text(leg.rangAt()))
              .put("answeredAt", text(leg.answeredAt()))
              .put("endedAt", text(leg.endedAt()))
              .put("hangupCause", leg.hangupCause()));
    }
    JsonArray offers = new JsonArray();
    for (CallOffer offer : r.offers()) {
      offers.add(
          new JsonObject()
              .put("queue", offer.queue())
              .put("memberName", offer.memberName())
              .put("agentInterface", offer.agentInterface())
              .put("agentUniqueId", offer.agentUniqueId())
              .put("agentChannel", offer.agentChannel())
              .put("offeredAt", text(offer.offeredAt()))
              .put("ringMs", offer.ringMs())
              .put("result", offer.result().wire()));
    }
    JsonArray transfers = new JsonArray();
    for (CallTransfer transfer : r.transfers()) {
      transfers.add(
          new JsonObject()
              .put("kind", transfer.kind().wire())
              .put("at", text(transfer.at()))
              .put("transfererChannel", transfer.transfererChannel())
              .put("target", transfer.target())
              .put("success", transfer.success()));
    }
    return header(r).put("legs", legs).put("offers", offers).put("transfers", transfers);
  }

  private static JsonObject header(CallRecord r) {
    return new JsonObject()
        .put("serverId", r.serverId())
        .put("linkedId", r.linkedId())
        .put("callId", r.callId())
        .put("direction", r.direction().wire())
        .put("outcome", r.outcome().wire())
        .put("callerNumber", r.callerNumber())
        .put("callerName", r.callerName())
        .put("dialledNumber", r.dialledNumber())
        .put("queue", r.queue())
        .put("queuedAt", text(r.queuedAt()))
        .put("queueLeftAt", text(r.queueLeftAt()))
        .put("agentInterface", r.agentInterface())
        .put("memberName", r.memberName())
        .put("originateId", r.originateId())
        .put("originateReason", r.originateReason())
        .put("startedAt", text(r.startedAt()))
        .put("answeredAt", text(r.answeredAt()))
        .put("endedAt", text(r.endedAt()))
        .put("waitMs", r.waitMs())
        .put("talkMs", r.talkMs())
        .put("holdMs", r.holdMs())
        .put("hangupCause", r.hangupCause())
        .put("hangupBy", r.hangupBy() == null ? null : r.hangupBy().wire())
        .put("recordingFile", r.recordingFile())
        .put("recorded", r.recorded())
        .put("amdStatus", r.amdStatus())
        .put("amdCause", r.amdCause())
        .put("reconciled", r.reconciled());
  }

  /**
   * The record from its JSON form.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public static CallRecord fromJson(JsonObject json) {
    try {
      return new CallRecord(
          required(json, "serverId"),
          required(json, "linkedId"),
          required(json, "callId"),
          CallDirection.fromWire(required(json, "direction")),
          CallOutcome.fromWire(required(json, "outcome")),
          json.getString("callerNumber", ""),
          json.getString("callerName", ""),
          json.getString("dialledNumber", ""),
          json.getString("queue"),
          instant(json, "queuedAt"),
          instant(json, "queueLeftAt"),
          json.getString("agentInterface"),
          json.getString("memberName"),
          json.getString("originateId"),
          json.getInteger("originateReason"),
          Objects.requireNonNull(instant(json, "startedAt"), "'startedAt' is missing"),
          instant(json, "answeredAt"),
          Objects.requireNonNull(instant(json, "endedAt"), "'endedAt' is missing"),
          json.getLong("waitMs", 0L),
          json.getLong("talkMs", 0L),
          json.getLong("holdMs", 0L),
          json.getInteger("hangupCause"),
          HangupSide.fromWire(json.getString("hangupBy")),
          json.getString("recordingFile"),
          json.getBoolean("recorded", false),
          json.getString("amdStatus"),
          json.getString("amdCause"),
          json.getBoolean("reconciled", false),
          legs(json.getJsonArray("legs", new JsonArray())),
          offers(json.getJsonArray("offers", new JsonArray())),
          transfers(json.getJsonArray("transfers", new JsonArray())));
    } catch (RuntimeException bad) {
      throw new IllegalArgumentException("not a call record: " + bad.getMessage(), bad);
    }
  }

  private static List<CallLeg> legs(JsonArray array) {
    List<CallLeg> legs = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject leg = array.getJsonObject(i);
      legs.add(
          new CallLeg(
              required(leg, "uniqueId"),
              leg.getString("channel", ""),
              LegRole.fromWire(required(leg, "role")),
              instant(leg, "rangAt"),
              instant(leg, "answeredAt"),
              instant(leg, "endedAt"),
              leg.getInteger("hangupCause")));
    }
    return legs;
  }

  private static List<CallOffer> offers(JsonArray array) {
    List<CallOffer> offers = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject offer = array.getJsonObject(i);
      offers.add(
          new CallOffer(
              offer.getString("queue", ""),
              offer.getString("memberName", ""),
              offer.getString("agentInterface", ""),
              required(offer, "agentUniqueId"),
              offer.getString("agentChannel", ""),
              instant(offer, "offeredAt"),
              offer.getLong("ringMs", 0L),
              OfferResult.fromWire(required(offer, "result"))));
    }
    return offers;
  }

  private static List<CallTransfer> transfers(JsonArray array) {
    List<CallTransfer> transfers = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject transfer = array.getJsonObject(i);
      transfers.add(
          new CallTransfer(
              TransferKind.fromWire(required(transfer, "kind")),
              instant(transfer, "at"),
              transfer.getString("transfererChannel", ""),
              transfer.getString("target", ""),
              transfer.getBoolean("success", false)));
    }
    return transfers;
  }

  private static String required(JsonObject json, String key) {
    return Objects.requireNonNull(json.getString(key), () -> "'" + key + "' is missing");
  }

  private static Instant instant(JsonObject json, String key) {
    String text = json.getString(key);
    return text == null ? null : Instant.parse(text);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
