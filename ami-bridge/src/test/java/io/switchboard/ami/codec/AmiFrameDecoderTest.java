package io.switchboard.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiFrameDecoderTest {

  static final String BANNER = "Asterisk Call Manager/9.0.0\r\n";

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Lines joined with CRLF, each one terminated, as Asterisk writes them. */
  static String crlf(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  /** Decodes what a client reads and returns the messages themselves. */
  static List<AmiMessage> clientMessages(String stream) {
    AmiStreamSplits.client(bytes(stream));
    DecodedStream.Collector collector = new DecodedStream.Collector();
    AmiFrameDecoder.forClient(collector, AmiCodecLimits.FROM_ASTERISK).feed(bytes(stream));
    return collector.messages;
  }

  @Test
  void theBannerIsReportedAndTheMessagesAfterIt() {
    DecodedStream decoded =
        AmiStreamSplits.client(
            bytes(
                BANNER
                    + crlf(
                        "Response: Success",
                        "ActionID: 1",
                        "Message: Authentication accepted",
                        "")));

    assertThat(decoded.banners()).containsExactly("Asterisk Call Manager/9.0.0");
    assertThat(decoded.messages())
        .containsExactly(
            "RESPONSE Success {Response: Success | ActionID: 1 | Message: Authentication accepted}");
    assertThat(decoded.error()).isNull();
    assertThat(decoded.pending()).isFalse();
  }

  @Test
  void aStreamThatDoesNotOpenWithTheBannerIsRefused() {
    DecodedStream decoded = AmiStreamSplits.client(bytes(crlf("Event: FullyBooted", "")));

    assertThat(decoded.error())
        .contains("expected the AMI banner 'Asterisk Call Manager/<version>'")
        .contains("Event: FullyBooted");
  }

  @Test
  void crlfFramingEndsEachMessageAtTheEmptyLine() {
    DecodedStream decoded =
        AmiStreamSplits.client(
            bytes(
                BANNER
                    + crlf(
                        "Event: FullyBooted",
                        "Privilege: system,all",
                        "Status: Fully Booted",
                        "",
                        "Event: Newchannel",
                        "Privilege: call,all",
                        "Channel: PJSIP/100-00000001",
                        "",
                        "Response: Success",
                        "Ping: Pong",
                        "")));

    assertThat(decoded.messages())
        .containsExactly(
            "EVENT FullyBooted {Event: FullyBooted | Privilege: system,all | Status: Fully Booted}",
            "EVENT Newchannel {Event: Newchannel | Privilege: call,all"
                + " | Channel: PJSIP/100-00000001}",
            "RESPONSE Success {Response: Success | Ping: Pong}");
  }

  @Test
  void aMessageWithoutItsEmptyLineStaysPendingUntilTheLineArrives() {
    String open = BANNER + crlf("Event: Hangup", "Uniqueid: 1.1");

    DecodedStream decoded = AmiStreamSplits.client(bytes(open));

    assertThat(decoded.messages()).isEmpty();
    assertThat(decoded.pending()).isTrue();
    assertThat(AmiStreamSplits.client(bytes(open + "\r\n")).messages())
        .containsExactly("EVENT Hangup {Event: Hangup | Uniqueid: 1.1}");
  }

  @Test
  void emptyLinesBetweenMessagesAreSkipped() {
    DecodedStream decoded =
        AmiStreamSplits.client(
            bytes(BANNER + "\r\n\r\n" + crlf("Event: A", "", "", "Event: B", "")));

    assertThat(decoded.messages()).containsExactly("EVENT A {Event: A}", "EVENT B {Event: B}");
  }

  @Test
  void anActionCarryingAnEventParameterIsStillAnActionOnTheServerSide() {
    DecodedStream decoded =
        AmiStreamSplits.server(
            bytes("Action: UserEvent\r\nUserEvent: Wrapup\r\nEvent: ignored\r\n\r\n"));

    assertThat(decoded.messages())
        .containsExactly(
            "ACTION UserEvent {Action: UserEvent | UserEvent: Wrapup | Event: ignored}");
  }

  @Test
  void aBareLfFromAsteriskIsRefusedNamingTheLine() {
    DecodedStream decoded =
        AmiStreamSplits.client(bytes(BANNER + "Event: Newchannel\nPrivilege: call,all\n\n"));

    assertThat(decoded.error())
        .isEqualTo("AMI line ends with a bare LF instead of CRLF: 'Event: Newchannel'");
    assertThat(decoded.messages()).isEmpty();
  }

  @Test
  void aBannerEndingInABareLfIsRefused() {
    DecodedStream decoded = AmiStreamSplits.client(bytes("Asterisk Call Manager/7.0.3\n"));

    assertThat(decoded.error()).contains("bare LF instead of CRLF");
    assertThat(decoded.banners()).isEmpty();
  }

  @Test
  void aBareLfFromAClientIsAcceptedAsAsteriskAccepts() {
    DecodedStream decoded =
        AmiStreamSplits.server(
            bytes(
                "Action: Login\nUsername: admin\nSecret: s3cret\n\n"
                    + "Action: Ping\r\nActionID: 2\n\r\n"));

    assertThat(decoded.banners()).isEmpty();
    assertThat(decoded.messages())
        .containsExactly(
            "ACTION Login {Action: Login | Username: admin | Secret: s3cret}",
            "ACTION Ping {Action: Ping | ActionID: 2}");
    assertThat(decoded.error()).isNull();
  }

  @Test
  void keysAreReadWithoutCaseAndRepeatedKeysKeepTheirWireOrder() {
    List<AmiMessage> messages =
        clientMessages(
            BANNER
                + crlf(
                    "Event: Newchannel",
                    "Privilege: call,all",
                    "uniqueid: 1598887681.60",
                    "ChanVariable: realm=",
                    "ChanVariable: SIPDOMAIN=okon.ferry.sip.com",
                    "chanvariable: SIPCALLID=b5ser03agv7huo7faai5",
                    "",
                    "Response: Success",
                    "ActionID: 7",
                    "Message: Command output follows",
                    "Output: Name/username             Host",
                    "Output: 100/100                   (Unspecified)",
                    "Output: ",
                    ""));

    AmiMessage event = messages.get(0);
    assertThat(event.get("UNIQUEID")).isEqualTo("1598887681.60");
    assertThat(event.get("UniqueID")).isEqualTo("1598887681.60");
    assertThat(event.get("chanVARIABLE")).isEqualTo("realm=");
    assertThat(event.getAll("ChanVariable"))
        .containsExactly(
            "realm=", "SIPDOMAIN=okon.ferry.sip.com", "SIPCALLID=b5ser03agv7huo7faai5");
    assertThat(event.keyAt(2)).as("the key is kept as it was sent").isEqualTo("uniqueid");
    AmiMessage response = messages.get(1);
    assertThat(response.actionId()).isEqualTo("7");
    assertThat(response.getAll("output"))
        .containsExactly(
            "Name/username             Host", "100/100                   (Unspecified)", "");
  }

  @Test
  void repeatedVariableHeadersOfAnActionAreKeptInOrder() {
    DecodedStream decoded =
        AmiStreamSplits.server(
            bytes(
                crlf(
                    "Action: Originate",
                    "Channel: PJSIP/100",
                    "Variable: CC_CAMPAIGN=7",
                    "Variable: CC_LEAD=42",
                    "variable: __CC_SESSION=a=b",
                    "")));

    assertThat(decoded.messages())
        .containsExactly(
            "ACTION Originate {Action: Originate | Channel: PJSIP/100 | Variable: CC_CAMPAIGN=7"
                + " | Variable: CC_LEAD=42 | variable: __CC_SESSION=a=b}");
  }

  @Test
  void emptyValuesAndValuesHoldingColonsArriveIntact() {
    List<AmiMessage> messages =
        clientMessages(
            BANNER
                + crlf(
                    "Event: QueueMemberPause",
                    "PausedReason: ",
                    "Reason:",
                    "AppData: Hit dialplan for 9898: REALM: okon.ferry.sip.com / , CALLID: x",
                    "Device: Queue:Books_12_pause_Local/9921-12@from-queue/n",
                    "Timestamp:1740666060.311",
                    "CallerIDName:  two leading spaces",
                    ""));

    AmiMessage event = messages.get(0);
    assertThat(event.get("PausedReason")).isEmpty();
    assertThat(event.get("Reason")).isEmpty();
    assertThat(event.get("AppData"))
        .isEqualTo("Hit dialplan for 9898: REALM: okon.ferry.sip.com / , CALLID: x");
    assertThat(event.get("Device")).isEqualTo("Queue:Books_12_pause_Local/9921-12@from-queue/n");
    assertThat(event.get("Timestamp")).as("no space after the colon").isEqualTo("1740666060.311");
    assertThat(event.get("CallerIDName"))
        .as("only the one space the protocol puts after the colon is removed")
        .isEqualTo(" two leading spaces");
  }

  @Test
  void utf8ValuesAreDecodedAsUtf8() {
    List<AmiMessage> messages =
        clientMessages(BANNER + crlf("Event: NewCallerid", "CallerIDName: Zoë Ünal 東京", ""));

    assertThat(messages.get(0).get("CallerIDName")).isEqualTo("Zoë Ünal 東京");
  }

  @Test
  void aHeaderLineWithoutAKeyIsRefused() {
    assertThat(
            AmiStreamSplits.client(bytes(BANNER + crlf("Event: A", "no colon here", ""))).error())
        .isEqualTo("AMI header line has no 'Key:' part: 'no colon here'");
    assertThat(AmiStreamSplits.client(bytes(BANNER + crlf("Event: A", ": no key", ""))).error())
        .isEqualTo("AMI header line has no 'Key:' part: ': no key'");
  }

  @Test
  void aMessageThatIsNeitherEventResponseNorActionIsRefused() {
    DecodedStream decoded =
        AmiStreamSplits.client(bytes(BANNER + crlf("Channel: PJSIP/1", "Uniqueid: 1.2", "")));

    assertThat(decoded.error())
        .isEqualTo("AMI message has no Event, Response or Action header; it starts with 'Channel'");
  }

  @Test
  void originateResponseIsAnEventAlthoughItCarriesResponse() {
    List<AmiMessage> messages =
        clientMessages(
            BANNER
                + crlf(
                    "Event: OriginateResponse",
                    "Privilege: call,all",
                    "ActionID: sb-17",
                    "Response: Failure",
                    "Channel: PJSIP/0612345678@trunk",
                    "Reason: 5",
                    "Uniqueid: <unknown>",
                    ""));

    AmiMessage event = messages.get(0);
    assertThat(event.kind()).isEqualTo(AmiMessageKind.EVENT);
    assertThat(event.name()).isEqualTo("OriginateResponse");
    assertThat(event.isEvent("originateresponse")).isTrue();
    assertThat(event.get("Response")).isEqualTo("Failure");
    assertThat(event.actionId()).isEqualTo("sb-17");
  }

  @Test
  void aResponseBlockWithResponseAfterOtherHeadersIsStillAResponse() {
    List<AmiMessage> messages =
        clientMessages(
            BANNER + crlf("ActionID: 3", "Response: Error", "Message: Permission denied", ""));

    assertThat(messages.get(0).kind()).isEqualTo(AmiMessageKind.RESPONSE);
    assertThat(messages.get(0).name()).isEqualTo("Error");
  }

  @Test
  void aLineOverTheLimitIsRefused() {
    AmiCodecLimits limits = new AmiCodecLimits(64, 16, 1024);
    String longValue = "x".repeat(64 - "AppData: ".length() + 1);

    DecodedStream decoded =
        AmiStreamSplits.atEverySplit(
            AmiStreamSplits.CLIENT,
            limits,
            bytes(BANNER + crlf("Event: A", "AppData: " + longValue, "")));

    assertThat(decoded.error()).isEqualTo("AMI line longer than 64 bytes");
  }

  @Test
  void aLineExactlyAtTheLimitIsAccepted() {
    AmiCodecLimits limits = new AmiCodecLimits(64, 16, 1024);
    String value = "x".repeat(64 - "AppData: ".length());

    DecodedStream decoded =
        AmiStreamSplits.atEverySplit(
            AmiStreamSplits.CLIENT,
            limits,
            bytes(BANNER + crlf("Event: A", "AppData: " + value, "")));

    assertThat(decoded.error()).isNull();
    assertThat(decoded.messages()).hasSize(1);
  }

  @Test
  void moreHeadersThanTheLimitAreRefused() {
    AmiCodecLimits limits = new AmiCodecLimits(64, 4, 1024);
    String fourHeaders = crlf("Event: A", "H1: 1", "H2: 2", "H3: 3");

    DecodedStream ok =
        AmiStreamSplits.atEverySplit(
            AmiStreamSplits.CLIENT, limits, bytes(BANNER + fourHeaders + "\r\n"));
    DecodedStream tooMany =
        AmiStreamSplits.atEverySplit(
            AmiStreamSplits.CLIENT, limits, bytes(BANNER + fourHeaders + crlf("H4: 4", "")));

    assertThat(ok.messages()).hasSize(1);
    assertThat(tooMany.error()).isEqualTo("AMI message has more than 4 headers");
  }

  @Test
  void aClientActionOverAsterisksLimitsIsRefused() {
    StringBuilder action = new StringBuilder("Action: Originate\r\n");
    for (int i = 0; i < 128; i++) {
      action.append("Variable: V").append(i).append("=1\r\n");
    }

    DecodedStream decoded = AmiStreamSplits.server(bytes(action + "\r\n"));

    assertThat(decoded.error()).isEqualTo("AMI message has more than 128 headers");
  }

  @Test
  void aFailedDecoderRefusesFurtherInput() {
    DecodedStream.Collector collector = new DecodedStream.Collector();
    AmiFrameDecoder decoder = AmiFrameDecoder.forClient(collector, AmiCodecLimits.FROM_ASTERISK);

    assertThatThrownBy(() -> decoder.feed(bytes("HTTP/1.1 400 Bad Request\r\n")))
        .isInstanceOf(AmiProtocolException.class)
        .hasMessageContaining("expected the AMI banner");
    assertThatThrownBy(() -> decoder.feed(bytes(BANNER + crlf("Event: A", ""))))
        .isInstanceOf(AmiProtocolException.class)
        .hasMessage("AMI stream already failed; the connection must be closed");
    assertThat(collector.banners).isEmpty();
    assertThat(collector.messages).isEmpty();
  }

  @Test
  void feedingAnOffsetRangeDecodesOnlyThatRange() {
    byte[] framed = bytes("garbage" + BANNER + crlf("Event: A", "") + "trailing");
    DecodedStream.Collector collector = new DecodedStream.Collector();
    AmiFrameDecoder decoder = AmiFrameDecoder.forClient(collector, AmiCodecLimits.FROM_ASTERISK);

    decoder.feed(
        framed, "garbage".length(), framed.length - "garbage".length() - "trailing".length());

    assertThat(collector.messages).extracting(AmiMessage::name).containsExactly("A");
    assertThat(decoder.hasPendingInput()).isFalse();
  }
}
