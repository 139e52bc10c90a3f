package io.switchboard.ami.codec;

import static io.switchboard.ami.codec.AmiFrameDecoderTest.BANNER;
import static io.switchboard.ami.codec.AmiFrameDecoderTest.bytes;
import static io.switchboard.ami.codec.AmiFrameDecoderTest.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the decoder does when its peer or its own listener misbehaves. */
class AmiFrameDecoderRobustnessTest {

  @Test
  void anEndlessLineIsRefusedWithinTheLimitAndItsBufferStaysBounded() {
    AmiFrameDecoder decoder =
        AmiFrameDecoder.forClient(new DecodedStream.Collector(), AmiCodecLimits.FROM_ASTERISK);
    decoder.feed(bytes(BANNER + "Event: Flood\r\nAppData: "));
    byte[] chunk = new byte[4096];
    Arrays.fill(chunk, (byte) 'x');
    int limit = AmiCodecLimits.FROM_ASTERISK.maxLineBytes();

    long fed = 0;
    AmiProtocolException refused = null;
    while (refused == null && fed < 64L * 1024 * 1024) {
      try {
        decoder.feed(chunk);
        fed += chunk.length;
      } catch (AmiProtocolException e) {
        refused = e;
      }
      assertThat(decoder.lineBufferCapacity()).isLessThanOrEqualTo(limit + 1);
    }

    assertThat(refused).hasMessage("AMI line longer than " + limit + " bytes");
    assertThat(fed).as("refused as soon as the line passed the limit").isLessThanOrEqualTo(limit);
  }

  @Test
  void anEndlessOutputIsRefusedAtTheOutputLimit() {
    AmiCodecLimits limits = new AmiCodecLimits(64, 16, 4096);
    AmiFrameDecoder decoder = AmiFrameDecoder.forClient(new DecodedStream.Collector(), limits);
    decoder.feed(bytes(BANNER + crlf("Response: Follows", "Privilege: Command")));
    byte[] lines = bytes("0123456789abcde\n".repeat(64));

    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 1000; i++) {
                decoder.feed(lines);
              }
            })
        .isInstanceOf(AmiProtocolException.class)
        .hasMessage("AMI command output longer than 4096 bytes");
  }

  @Test
  void aListenerThatThrowsFailsTheDecoderBecauseTheRestOfTheChunkWasNotRead() {
    AtomicInteger seen = new AtomicInteger();
    AmiFrameDecoder decoder =
        AmiFrameDecoder.forClient(
            new AmiFrameListener() {
              @Override
              public void onBanner(String banner) {}

              @Override
              public void onMessage(AmiMessage message) {
                if (seen.incrementAndGet() == 1) {
                  throw new IllegalStateException("handler bug");
                }
              }
            },
            AmiCodecLimits.FROM_ASTERISK);

    assertThatThrownBy(() -> decoder.feed(bytes(BANNER + crlf("Event: A", "", "Event: B", ""))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("handler bug");
    assertThatThrownBy(() -> decoder.feed(bytes(crlf("Event: C", ""))))
        .isInstanceOf(AmiProtocolException.class)
        .hasMessage("AMI stream already failed; the connection must be closed");
    assertThat(seen).hasValue(1);
  }

  @Test
  void feedingFromInsideTheListenerIsRefused() {
    AmiFrameDecoder[] self = new AmiFrameDecoder[1];
    self[0] =
        AmiFrameDecoder.forClient(
            new AmiFrameListener() {
              @Override
              public void onBanner(String banner) {
                self[0].feed(bytes(crlf("Event: Injected", "")));
              }

              @Override
              public void onMessage(AmiMessage message) {}
            },
            AmiCodecLimits.FROM_ASTERISK);

    assertThatThrownBy(() -> self[0].feed(bytes(BANNER)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("AmiFrameDecoder.feed called from inside its own listener");
  }

  @Test
  void theEightBytesAtATimeLineEndSearchFindsWhatAPlainSearchFinds() {
    java.util.Random random = new java.util.Random(42);
    byte[] alphabet = {'\n', '\r', 'a', ':', ' ', (byte) 0x8a, (byte) 0xff, 0x0b, 0x09};
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);

      int expected = -1;
      for (int i = from; i < to && expected < 0; i++) {
        expected = bytes[i] == '\n' ? i : -1;
      }
      assertThat(AmiFrameDecoder.indexOfLf(bytes, from, to))
          .as("%s [%d, %d)", Arrays.toString(bytes), from, to)
          .isEqualTo(expected);
    }
  }
}
