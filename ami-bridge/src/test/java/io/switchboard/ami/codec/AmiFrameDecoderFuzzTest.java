package io.switchboard.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of both decoder sides with Jazzer. Each input is decoded twice, fed whole
 * and fed in chunks whose size the input's first byte picks, and the two must agree on every
 * message, the error and the pending state. The only exception allowed out of the decoder is {@link
 * AmiProtocolException}; the buffer for an unfinished line never outgrows the line limit; small
 * limits make the fuzzer reach them. A hang is reported by Jazzer's per-input timeout.
 *
 * <p>Without {@code JAZZER_FUZZ} set this runs the seed corpus in {@code
 * AmiFrameDecoderFuzzTestInputs/<method>/} (captures and edge cases) as regression tests. How to
 * fuzz for a bounded time: ami-bridge/README.md.
 */
class AmiFrameDecoderFuzzTest {

  private static final AmiCodecLimits SMALL = new AmiCodecLimits(256, 48, 2048);
  private static final byte[] BANNER =
      "Asterisk Call Manager/9.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

  @FuzzTest(maxDuration = "2h")
  void clientDecoderOnlyEverFailsWithAProtocolError(byte[] input) {
    byte[] stream = new byte[BANNER.length + input.length];
    System.arraycopy(BANNER, 0, stream, 0, BANNER.length);
    System.arraycopy(input, 0, stream, BANNER.length, input.length);
    decodeBothWays(AmiStreamSplits.CLIENT, stream, input.length == 0 ? 1 : input[0]);
  }

  @FuzzTest(maxDuration = "2h")
  void serverDecoderOnlyEverFailsWithAProtocolError(byte[] input) {
    decodeBothWays(AmiStreamSplits.SERVER, input, input.length == 0 ? 1 : input[0]);
  }

  private static void decodeBothWays(AmiStreamSplits.Side side, byte[] stream, byte sizeByte) {
    int chunk = 1 + (sizeByte & 0x3f);
    DecodedStream whole = decode(side, stream, stream.length);
    DecodedStream chunked = decode(side, stream, chunk);
    assertThat(chunked).as("fed in chunks of %d bytes", chunk).isEqualTo(whole);
  }

  private static DecodedStream decode(AmiStreamSplits.Side side, byte[] stream, int chunk) {
    DecodedStream.Collector collector = new DecodedStream.Collector();
    AmiFrameDecoder decoder = side.apply(collector, SMALL);
    for (int from = 0; from < stream.length; from += chunk) {
      try {
        decoder.feed(stream, from, Math.min(chunk, stream.length - from));
      } catch (AmiProtocolException e) {
        assertThat(e.getMessage()).isNotBlank();
        return collector.result(e.getMessage(), false);
      } finally {
        assertThat(decoder.lineBufferCapacity()).isLessThanOrEqualTo(SMALL.maxLineBytes() + 1);
      }
    }
    return collector.result(null, decoder.hasPendingInput());
  }
}
