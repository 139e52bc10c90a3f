package io.switchboard.ami.codec;

import static io.switchboard.ami.codec.AmiFrameDecoderTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replays the real captures (see captures/SOURCES.md) through the decoders, fed whole, byte by byte
 * and cut everywhere ({@link AmiStreamSplits}).
 *
 * <p>The goami2 fixtures lost the empty line between a few messages where its packets were cut
 * (basic call: a DialEnd and a Newexten each glued to the Newexten before; queue status: a
 * QueueMember to a QueueMember and to a QueueParams, a Response to a QueueStatusComplete). Asterisk
 * never writes that, and a block may legitimately repeat {@code Event} (a UserEvent carries any
 * header its action was given), so the decoder does not guess: such a block is one message with
 * repeated headers, named by its first {@code Event}. The counts below say so where it happens.
 */
class AmiCaptureReplayTest {

  private static List<AmiMessage> decodeClient(byte[] stream) {
    DecodedStream whole = AmiStreamSplits.client(stream);
    assertThat(whole.error()).isNull();
    DecodedStream.Collector collector = new DecodedStream.Collector();
    AmiFrameDecoder.forClient(collector, AmiCodecLimits.FROM_ASTERISK).feed(stream);
    return collector.messages;
  }

  private static Map<String, Long> countByKindAndName(List<AmiMessage> messages) {
    return messages.stream()
        .collect(
            Collectors.groupingBy(
                m -> m.kind() + " " + m.name(), LinkedHashMap::new, Collectors.counting()));
  }

  @Test
  void basicAnsweredCallDecodesIntoItsFortyNineBlocks() {
    List<AmiMessage> messages = decodeClient(AmiCaptures.serverOutput(AmiCaptures.BASIC_CALL));

    assertThat(messages).hasSize(49).allMatch(m -> m.kind() == AmiMessageKind.EVENT);
    assertThat(countByKindAndName(messages))
        .containsEntry("EVENT Newexten", 23L)
        .containsEntry("EVENT DeviceStateChange", 5L)
        .containsEntry("EVENT Newstate", 4L)
        .containsEntry("EVENT BridgeEnter", 2L)
        .containsEntry("EVENT BridgeLeave", 2L)
        .containsEntry("EVENT Hangup", 2L)
        .containsEntry("EVENT DialBegin", 1L)
        .containsEntry("EVENT UserEvent", 1L)
        .hasSize(16);
    assertThat(messages.stream().filter(m -> m.getAll("Event").size() > 1))
        .as("blocks where the fixture lost the empty line")
        .extracting(m -> m.getAll("Event"))
        .containsExactly(List.of("Newexten", "DialEnd"), List.of("Newexten", "Newexten"));
    AmiMessage dialBegin = messages.stream().filter(m -> m.isEvent("DialBegin")).findFirst().get();
    assertThat(dialBegin.get("DestUniqueid")).isEqualTo("1598887681.61");
    assertThat(dialBegin.getAll("DestChanVariable")).hasSize(3);
    assertThat(messages.get(48).get("Cause-txt")).isEqualTo("Normal Clearing");
  }

  @Test
  void queueStatusListReadByAClientKeepsEachListWithItsActionId() {
    List<AmiMessage> messages = decodeClient(AmiCaptures.serverOutput(AmiCaptures.QUEUE_STATUS));

    assertThat(messages).hasSize(30);
    assertThat(countByKindAndName(messages))
        .containsExactly(
            Map.entry("RESPONSE Follows", 1L),
            Map.entry("RESPONSE Success", 5L),
            Map.entry("EVENT QueueParams", 6L),
            Map.entry("EVENT QueueMember", 7L),
            Map.entry("EVENT QueueStatusComplete", 6L),
            Map.entry("RESPONSE Error", 5L));
    assertThat(messages.get(0).output()).as("Follows ended by the empty line").isEmpty();
    assertThat(messages.get(0).actionId()).isEqualTo("bef2eb20211b9@okon.ferry.sip.com");
    List<AmiMessage> firstList =
        messages.stream()
            .filter(m -> "175a511275bae@okon.ferry.sip.com".equals(m.actionId()))
            .toList();
    assertThat(firstList)
        .extracting(AmiMessage::name)
        .containsExactly("Success", "QueueParams", "QueueMember", "QueueStatusComplete");
    assertThat(firstList.get(0).get("EventList")).isEqualTo("start");
    assertThat(firstList.get(2).getAll("Event")).containsExactly("QueueMember", "QueueMember");
    assertThat(firstList.get(3).get("ListItems")).isEqualTo("3");
    assertThat(firstList.get(3).getAll("Response")).as("glued to the next reply").hasSize(1);
    assertThat(firstList.get(2).get("PausedReason")).isEmpty();
  }

  @Test
  void mixedCapturesReadWholeByTheServerSideGiveActionsAndReplies() {
    // The server side takes a bare LF or CRLF and needs no banner, so a mixed file can be read as
    // it is: the client's blocks come out as actions, Asterisk's as responses and events.
    DecodedStream queues = AmiStreamSplits.server(AmiCaptures.raw(AmiCaptures.QUEUE_STATUS));
    DecodedStream pauses = AmiStreamSplits.server(AmiCaptures.raw(AmiCaptures.QUEUE_PAUSE));

    assertThat(queues.error()).isNull();
    assertThat(queues.messages()).hasSize(42);
    assertThat(queues.messages().stream().filter(m -> m.startsWith("ACTION "))).hasSize(12);
    assertThat(pauses.messages())
        .extracting(m -> m.substring(0, m.indexOf(" {")))
        .containsExactly(
            "ACTION QueuePause",
            "RESPONSE Success",
            "EVENT DeviceStateChange",
            "EVENT DeviceStateChange",
            "EVENT QueueMemberPause",
            "ACTION QueuePause",
            "RESPONSE Success",
            "EVENT DeviceStateChange",
            "EVENT QueueMemberPause");
    assertThat(pauses.messages().get(5))
        .as("an action whose Action header is not first")
        .startsWith(
            "ACTION QueuePause {Reason: Break | Actionid: 647f57eeccf34@okon.ferry.sip.com");
  }

  @Test
  void queueMemberPauseReadByAClientCarriesTheEmptyAndTheGivenReason() {
    List<AmiMessage> messages = decodeClient(AmiCaptures.serverOutput(AmiCaptures.QUEUE_PAUSE));

    assertThat(messages)
        .extracting(AmiMessage::name)
        .containsExactly(
            "Success",
            "DeviceStateChange",
            "DeviceStateChange",
            "QueueMemberPause",
            "Success",
            "DeviceStateChange",
            "QueueMemberPause");
    assertThat(messages.get(3).get("PausedReason")).isEmpty();
    assertThat(messages.get(3).get("Paused")).isEqualTo("0");
    assertThat(messages.get(6).get("PausedReason")).isEqualTo("Break");
    assertThat(messages.get(6).get("Reason")).isEqualTo("Break");
  }

  @Test
  void md5ChallengeAfterTheRealBanner() {
    DecodedStream decoded = AmiStreamSplits.client(AmiCaptures.serverOutput(AmiCaptures.LOGIN_MD5));

    assertThat(decoded.banners()).containsExactly("Asterisk Call Manager/7.0.3");
    assertThat(decoded.messages())
        .containsExactly(
            "RESPONSE Success {Response: Success | Challenge: 145769581"
                + " | ActionID: action/transaction_uid/1/1}");
  }

  @Test
  void theLfStoredPanoramiskFilesAreRefusedByTheClientSideUntilTurnedBackIntoCrlf() {
    DecodedStream asStored = AmiStreamSplits.client(AmiCaptures.raw(AmiCaptures.LOGIN_MD5));

    assertThat(asStored.error())
        .isEqualTo("AMI line ends with a bare LF instead of CRLF: 'Asterisk Call Manager/7.0.3'");
  }

  @Test
  void legacyOriginateWithSevenHundredFortyNineRepliesAndEventsDecodes() {
    byte[] stream = AmiCaptures.serverOutput(AmiCaptures.ORIGINATE_LEGACY);

    DecodedStream decoded = AmiStreamSplits.client(stream);
    // The YAML fixture ends in the middle of the last event: no line end, no empty line.
    assertThat(decoded.messages()).hasSize(748);
    assertThat(decoded.pending()).isTrue();
    List<AmiMessage> messages = decodeClient(concat(stream, bytes("\r\n\r\n")));
    assertThat(messages).hasSize(749);
    assertThat(countByKindAndName(messages))
        .containsEntry("RESPONSE Success", 1L)
        .containsEntry("EVENT VarSet", 269L)
        .containsEntry("EVENT AGIExec", 260L)
        .containsEntry("EVENT Newexten", 136L)
        .containsEntry("EVENT CEL", 20L)
        .containsEntry("EVENT LocalBridge", 1L)
        .containsEntry("EVENT Masquerade", 1L)
        .containsEntry("EVENT ExtensionStatus", 12L);
    assertThat(messages.get(748).name()).isEqualTo("ExtensionStatus");
    assertThat(messages.get(748).get("Status")).isEqualTo("0");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
