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
}
