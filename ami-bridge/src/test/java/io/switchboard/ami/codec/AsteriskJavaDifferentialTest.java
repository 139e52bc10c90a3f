package io.switchboard.ami.codec;

import static io.switchboard.ami.codec.AmiFrameDecoderTest.BANNER;
import static io.switchboard.ami.codec.AmiFrameDecoderTest.bytes;
import static io.switchboard.ami.codec.AmiFrameDecoderTest.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Feeds the same bytes through our client decoder and through Asterisk-Java 3.42.2's reader,
 * response builder and event builder ({@link AsteriskJavaReader}), and compares names and fields
 * after turning ours into what Asterisk-Java is known to do with them; {@link
 * AsteriskJavaComparison} lists each known difference. Any other difference fails the test.
 *
 * <p>What the comparison found about Asterisk-Java, asserted below: it drops a UserEvent it has no
 * bean for, SIPRinging, and a block with two {@code Event} headers; it drops {@code
 * DestChanVariable} (no setter) and the RTCP {@code ReportBlock}; it loses the ActionID of every
 * list item whose id it did not make itself; and a response with two {@code ActionID} headers stops
 * its reader thread for good.
 */
class AsteriskJavaDifferentialTest {

  private static AsteriskJavaComparison compare(byte[] stream) {
    DecodedStream.Collector ours = new DecodedStream.Collector();
    AmiFrameDecoder.forClient(ours, AmiCodecLimits.FROM_ASTERISK).feed(stream);
    return AsteriskJavaComparison.of(ours.messages, AsteriskJavaReader.read(stream, false));
  }

  @Test
  void basicCallCaptureGivesTheSameEventsAndFields() {
    AsteriskJavaComparison comparison = compare(AmiCaptures.serverOutput(AmiCaptures.BASIC_CALL));

    assertThat(comparison.differences).isEmpty();
    assertThat(comparison.comparedEvents).isEqualTo(46);
    assertThat(comparison.comparedFields).isGreaterThan(600);
    assertThat(comparison.droppedEvents)
        .as("a UserEvent without a bean class; the two blocks the fixture glued together")
        .containsExactly("UserEvent", "Newexten", "Newexten");
    assertThat(comparison.droppedHeaders)
        .isEqualTo(Map.of("DialBeginEvent", Set.of("destchanvariable")));
    assertThat(comparison.converted).containsExactly("NewCallerIdEvent.cidcallingpres");
  }

  @Test
  void queueCapturesGiveTheSameRepliesEventsAndFields() {
    AsteriskJavaComparison status = compare(AmiCaptures.serverOutput(AmiCaptures.QUEUE_STATUS));
    AsteriskJavaComparison pause = compare(AmiCaptures.serverOutput(AmiCaptures.QUEUE_PAUSE));
    AsteriskJavaComparison login = compare(AmiCaptures.serverOutput(AmiCaptures.LOGIN_MD5));

    assertThat(status.differences).isEmpty();
    assertThat(status.comparedResponses).isEqualTo(11);
    assertThat(status.comparedEvents).isEqualTo(17);
    assertThat(status.droppedEvents)
        .as("the blocks the fixture glued together")
        .containsExactly("QueueMember", "QueueParams");
    assertThat(status.droppedHeaders)
        .as("the reply glued to a QueueStatusComplete")
        .isEqualTo(Map.of("QueueStatusCompleteEvent", Set.of("message", "response")));
    assertThat(pause.differences).isEmpty();
    assertThat(pause.comparedEvents).isEqualTo(5);
    assertThat(pause.comparedResponses).isEqualTo(2);
    assertThat(pause.droppedEvents).isEmpty();
    assertThat(login.differences).isEmpty();
    assertThat(login.comparedResponses).isEqualTo(1);
  }

  @Test
  void legacyOriginateCaptureGivesTheSameEventsAndFields() {
    byte[] stream = AmiCaptures.serverOutput(AmiCaptures.ORIGINATE_LEGACY);
    byte[] terminated = Arrays.copyOf(stream, stream.length + 4);
    System.arraycopy(bytes("\r\n\r\n"), 0, terminated, stream.length, 4);

    AsteriskJavaComparison comparison = compare(terminated);

    assertThat(comparison.differences).isEmpty();
    assertThat(comparison.comparedEvents).isEqualTo(744);
    assertThat(Set.copyOf(comparison.droppedEvents)).containsOnly("SIPRinging", "UserEvent");
    assertThat(comparison.droppedHeaders)
        .isEqualTo(
            Map.of(
                "RtcpReceivedEvent", Set.of("from (no getter)"),
                "RtcpSentEvent", Set.of("reportblock", "to (no getter)")));
    assertThat(comparison.converted)
        .contains("MasqueradeEvent.clonestate", "RtcpSentEvent.dlsr", "RtcpReceivedEvent.pt");
  }

  @Test
  void generatedStreamsWithShuffledRepeatedAndOddHeadersGiveTheSameFields() {
    for (long seed = 1; seed <= 20; seed++) {
      AsteriskJavaComparison comparison = compare(SyntheticAmiStream.generate(seed, 300));

      assertThat(comparison.differences).as("seed %d", seed).isEmpty();
      assertThat(comparison.comparedFields).as("seed %d", seed).isGreaterThan(4000);
      assertThat(comparison.comparedResponses).as("seed %d", seed).isGreaterThan(40);
      assertThat(Set.copyOf(comparison.droppedEvents))
          .as("seed %d", seed)
          .containsOnly("UserEvent");
      assertThat(comparison.droppedHeaders).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void aResponseWithTwoActionIdsStopsAsteriskJavasReaderButNotOurs() {
    byte[] stream =
        bytes(
            BANNER
                + crlf("Response: Success", "ActionID: 1", "ActionID: 2", "")
                + crlf("Event: FullyBooted", "Privilege: system,all", "Status: Fully Booted", ""));
    DecodedStream.Collector ours = new DecodedStream.Collector();
    AmiFrameDecoder.forClient(ours, AmiCodecLimits.FROM_ASTERISK).feed(stream);

    List<Object> theirs = AsteriskJavaReader.read(stream, false);

    assertThat(ours.messages)
        .extracting(AmiMessage::name)
        .containsExactly("Success", "FullyBooted");
    assertThat(ours.messages.get(0).getAll("ActionID")).containsExactly("1", "2");
    assertThat(theirs).as("ClassCastException in ManagerReaderImpl.buildResponse").isEmpty();
  }
}
