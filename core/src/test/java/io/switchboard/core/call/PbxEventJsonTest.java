package io.switchboard.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PbxEventJsonTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final Instant T1 = Instant.parse("2026-03-01T10:16:02Z");

  @Test
  void everyPayloadSurvivesItsJsonForm() {
    for (PbxEvent event : samples()) {
      JsonObject json = new JsonObject(event.toJson().encode());
      assertThat(parserFor(event.address()).apply(json)).as(event.address()).isEqualTo(event);
      assertThat(json.getString("serverId")).isEqualTo("pbx1");
    }
  }

  private static List<PbxEvent> samples() {
    List<PbxEvent> events = new ArrayList<>(callStartSamples());
    events.addAll(callEndSamples());
    return events;
  }

  private static List<PbxEvent> callStartSamples() {
    return List.of(
        new CallCreated(
            "pbx1",
            "1700.1",
            "pbx1:1700.1",
            CallDirection.INBOUND,
            "+4420",
            "Ann",
            "800",
            "PJSIP/trunk-1",
            null,
            T0),
        new CallQueued("pbx1", "1700.1", "pbx1:1700.1", "sales", 2, "+4420", "Ann", "o-1", T0),
        new CallOffered(
            "pbx1",
            "1700.1",
            "pbx1:1700.1",
            "sales",
            "PJSIP/1001",
            "Bob",
            "PJSIP/1001-2",
            "+4420",
            "Ann",
            T0),
        new CallAnswered(
            "pbx1",
            "1700.1",
            "pbx1:1700.1",
            CallDirection.OUTBOUND,
            "+4420",
            "Ann",
            "800",
            "sales",
            "PJSIP/1001",
            "Bob",
            "PJSIP/1001-2",
            "o-1",
            T1,
            31_877));
  }

  private static List<PbxEvent> callEndSamples() {
    return List.of(
        new CallTransferred(
            "pbx1",
            "1700.1",
            "pbx1:1700.1",
            TransferKind.ATTENDED,
            "PJSIP/1001-2",
            "PJSIP/1002-4",
            true,
            "pbx1:1700.5",
            T1),
        new CallEnded(
            "pbx1",
            "1700.1",
            "pbx1:1700.1",
            CallDirection.INBOUND,
            CallOutcome.NO_ANSWER,
            19,
            HangupSide.SYSTEM,
            "+4420",
            "Ann",
            "800",
            null,
            null,
            null,
            null,
            T0,
            null,
            T1,
            1_000,
            0,
            0,
            null,
            "MACHINE",
            true,
            "pbx1:1699.9"),
        new QueueMemberChanged(
            "pbx1",
            "sales",
            "Bob",
            "PJSIP/1001",
            "PJSIP/1001",
            QueueMemberChange.PAUSED,
            1,
            true,
            "Break",
            false,
            3,
            0,
            T0),
        new QueueCallerChanged(
            "pbx1",
            "sales",
            "1700.1",
            "pbx1:1700.1",
            "1700.1",
            "PJSIP/trunk-1",
            "+4420",
            "Ann",
            1,
            QueueCallerChange.ABANDONED,
            12_000,
            T1));
  }

  @Test
  void enumsTravelAsLowerCaseNames() {
    JsonObject json =
        new CallEnded(
                "pbx1",
                "1.1",
                "pbx1:1.1",
                CallDirection.OUTBOUND,
                CallOutcome.NO_ANSWER,
                null,
                HangupSide.CALLER,
                "",
                "",
                "",
                null,
                null,
                null,
                null,
                T0,
                null,
                T1,
                0,
                0,
                0,
                null,
                null,
                false,
                null)
            .toJson();

    assertThat(json.getString("direction")).isEqualTo("outbound");
    assertThat(json.getString("outcome")).isEqualTo("no_answer");
    assertThat(json.getString("hangupBy")).isEqualTo("caller");
    assertThat(json.getString("endedAt")).isEqualTo("2026-03-01T10:16:02Z");
  }

  @Test
  void anUnknownOutcomeIsRefusedByName() {
    JsonObject json =
        new JsonObject()
            .put("serverId", "pbx1")
            .put("linkedId", "1.1")
            .put("callId", "pbx1:1.1")
            .put("direction", "inbound")
            .put("outcome", "voicemail");

    assertThatThrownBy(() -> CallEnded.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'voicemail' is not a CallOutcome name");
  }

  @Test
  void aMissingKeyFieldIsRefusedByName() {
    assertThatThrownBy(() -> CallCreated.fromJson(new JsonObject().put("serverId", "pbx1")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'linkedId' is missing");
  }

  @Test
  void originateIdsRoundTripThroughThePreassignedChannelId() {
    assertThat(OriginateIds.fromUniqueId(OriginateIds.channelId("c7-42"))).isEqualTo("c7-42");
    assertThat(OriginateIds.fromUniqueId("1598887681.60")).isNull();
    assertThat(OriginateIds.fromUniqueId("swb-")).isNull();
  }

  private static Function<JsonObject, PbxEvent> parserFor(String address) {
    return switch (address) {
      case CallAddresses.CALL_CREATED -> CallCreated::fromJson;
      case CallAddresses.CALL_QUEUED -> CallQueued::fromJson;
      case CallAddresses.CALL_OFFERED -> CallOffered::fromJson;
      case CallAddresses.CALL_ANSWERED -> CallAnswered::fromJson;
      case CallAddresses.CALL_TRANSFERRED -> CallTransferred::fromJson;
      case CallAddresses.CALL_ENDED -> CallEnded::fromJson;
      case CallAddresses.QUEUE_MEMBER_CHANGED -> QueueMemberChanged::fromJson;
      case CallAddresses.QUEUE_CALLER_CHANGED -> QueueCallerChanged::fromJson;
      default -> throw new IllegalArgumentException(address);
    };
  }
}
