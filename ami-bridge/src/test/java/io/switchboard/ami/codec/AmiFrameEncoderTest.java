package io.switchboard.ami.codec;

import static io.switchboard.ami.codec.AmiFrameDecoderTest.BANNER;
import static io.switchboard.ami.codec.AmiFrameDecoderTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmiFrameEncoderTest {

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void anActionIsWrittenAsAsteriskReadsIt() {
    AmiMessage action =
        AmiMessage.action("Originate")
            .with("ActionID", "sb-1")
            .with("Channel", "PJSIP/100")
            .with("Variable", "CC_LEAD=42")
            .with("Variable", "CC_CAMPAIGN=7")
            .with("Async", "true")
            .build();

    assertThat(new String(AmiFrameEncoder.encode(action), StandardCharsets.UTF_8))
        .isEqualTo(
            "Action: Originate\r\nActionID: sb-1\r\nChannel: PJSIP/100\r\n"
                + "Variable: CC_LEAD=42\r\nVariable: CC_CAMPAIGN=7\r\nAsync: true\r\n\r\n");
  }

  @Test
  void actionsSurviveARoundTripThroughTheServerDecoder() {
    AmiMessage login =
        AmiMessage.action("Login").with("Username", "admin").with("Secret", "p: w=d").build();
    AmiMessage originate =
        AmiMessage.action("Originate")
            .with("Channel", "Local/0612345678@dialer")
            .with("Variable", "A=1")
            .with("Variable", "B=")
            .with("CallerID", "\"Zoë\" <0800>")
            .with("Account", "")
            .withOptional("Codecs", null)
            .build();

    DecodedStream decoded =
        AmiStreamSplits.server(
            concat(AmiFrameEncoder.encode(login), AmiFrameEncoder.encode(originate)));

    assertThat(decoded.messages())
        .containsExactly(DecodedStream.canonical(login), DecodedStream.canonical(originate));
  }

  @Test
  void eventsAndResponsesSurviveARoundTripThroughTheClientDecoder() {
    AmiMessage response =
        AmiMessage.response("Success").with("ActionID", "9").with("Ping", "Pong").build();
    AmiMessage event =
        AmiMessage.event("OriginateResponse")
            .with("Privilege", "call,all")
            .with("ActionID", "9")
            .with("Response", "Success")
            .with("Uniqueid", "<unknown>")
            .with("ChanVariable", "X=a: b")
            .with("ChanVariable", "Y=")
            .build();

    DecodedStream decoded =
        AmiStreamSplits.client(
            concat(bytes(BANNER), AmiFrameEncoder.encode(response), AmiFrameEncoder.encode(event)));

    assertThat(decoded.messages())
        .containsExactly(DecodedStream.canonical(response), DecodedStream.canonical(event));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PJSIP/100\r\nAction: Hangup",
        "x\nAction: Hangup",
        "x\rAction: Hangup",
        "trailing line break\r\n"
      })
  void aValueWithALineBreakIsRefusedSoNoSecondActionCanBeSmuggledIn(String value) {
    AmiMessage action = AmiMessage.action("Originate").with("Channel", value).build();

    assertThatThrownBy(() -> AmiFrameEncoder.encode(action))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("AMI header Channel has a line break in its value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bad Key", "Key:", "Kéy", "Key\r\nAction", "Tab\tKey"})
  void aKeyThatCouldBreakTheFramingIsRefused(String key) {
    AmiMessage action = AmiMessage.action("Ping").with(key, "1").build();

    assertThatThrownBy(() -> AmiFrameEncoder.encode(action))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("AMI header key");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "one line without a newline",
        "Name/username   Host\n100/100   (Unspecified)\n1 sip peers\n",
        "\nstarts with a blank line\n\nand has another\n",
        "ActionID: looks like a header",
        "Privilege: also looks like one\nActionID: x\n",
        "ends in two newlines\n\n"
      })
  void legacyCommandOutputSurvivesARoundTripThroughTheClientDecoder(String output) {
    AmiMessage reply =
        AmiMessage.response("Follows")
            .with("Privilege", "Command")
            .with("ActionID", "c-1")
            .output(output)
            .build();
    AmiMessage next = AmiMessage.event("FullyBooted").with("Status", "Fully Booted").build();

    DecodedStream decoded =
        AmiStreamSplits.client(
            concat(bytes(BANNER), AmiFrameEncoder.encode(reply), AmiFrameEncoder.encode(next)));

    assertThat(decoded.messages())
        .containsExactly(DecodedStream.canonical(reply), DecodedStream.canonical(next));
  }

  @Test
  void followsOutputIsWrittenAsAsterisk13WritesIt() {
    AmiMessage reply =
        AmiMessage.response("Follows").with("Privilege", "Command").output("a\n\nb\n").build();

    assertThat(new String(AmiFrameEncoder.encode(reply), StandardCharsets.UTF_8))
        .isEqualTo("Response: Follows\r\nPrivilege: Command\r\na\n\nb\n--END COMMAND--\r\n\r\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text--END COMMAND--",
        "first\n--END COMMAND--\n\r\nEvent: Hangup\r\n",
        "x--END COMMAND--\nmore"
      })
  void outputThatWouldEndTheReplyEarlyIsRefused(String output) {
    AmiMessage reply = AmiMessage.response("Follows").output(output).build();

    assertThatThrownBy(() -> AmiFrameEncoder.encode(reply))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AMI command output");
  }

  @Test
  void outputWithACarriageReturnIsRefused() {
    AmiMessage reply = AmiMessage.response("Follows").output("a\r\nb\n").build();

    assertThatThrownBy(() -> AmiFrameEncoder.encode(reply))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("AMI command output has a CR");
  }

  @Test
  void outputOutsideAFollowsReplyIsRefused() {
    AmiMessage response = AmiMessage.response("Success").output("text\n").build();

    assertThatThrownBy(() -> AmiFrameEncoder.encode(response))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AMI command output only goes into a 'Response: Follows' reply, not Success");
  }

  @Test
  void aHeaderAddedWithANullValueIsSentEmpty() {
    AmiMessage action = AmiMessage.action("QueuePause").build().with("Reason", null);

    assertThat(new String(AmiFrameEncoder.encode(action), StandardCharsets.UTF_8))
        .isEqualTo("Action: QueuePause\r\nReason: \r\n\r\n");
  }
}
