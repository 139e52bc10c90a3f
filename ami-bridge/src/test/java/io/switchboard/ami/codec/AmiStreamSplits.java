package io.switchboard.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiFunction;

/**
 * Feeds one byte stream to fresh decoders in every way a socket could deliver it: whole, split in
 * two at every byte position, and one byte at a time. Every way must give the same messages, the
 * same error and the same pending state. A stream longer than {@link #EVERY_POSITION_MAX} (the
 * larger captures) is instead cut into chunks of every size from 2 to {@link #CHUNK_SIZES}, which
 * still puts a cut at every position many times over at a fraction of the cost. Test support.
 */
final class AmiStreamSplits {

  /** Above this size the single splits give way to chunk sizes. */
  static final int EVERY_POSITION_MAX = 8 * 1024;

  /** The largest chunk size tried on a long stream. */
  static final int CHUNK_SIZES = 128;

  /** How a decoder is made: {@code AmiFrameDecoder::forClient} or {@code ::forServer}. */
  interface Side extends BiFunction<AmiFrameListener, AmiCodecLimits, AmiFrameDecoder> {}

  static final Side CLIENT = AmiFrameDecoder::forClient;
  static final Side SERVER = AmiFrameDecoder::forServer;

  private AmiStreamSplits() {}

  /** Decodes the stream fed in one piece. */
  static DecodedStream whole(Side side, AmiCodecLimits limits, byte[] input) {
    return decode(side, limits, input, new int[] {0, input.length});
  }

  /**
   * Decodes the stream whole, split at every byte position and byte by byte, asserts that all of
   * them agree, and returns what they agree on.
   */
  static DecodedStream atEverySplit(Side side, AmiCodecLimits limits, byte[] input) {
    DecodedStream expected = whole(side, limits, input);
    if (input.length <= EVERY_POSITION_MAX) {
      for (int split = 0; split <= input.length; split++) {
        DecodedStream actual = decode(side, limits, input, new int[] {0, split, input.length});
        assertThat(actual)
            .as("input split at byte %d of %d", split, input.length)
            .isEqualTo(expected);
      }
    } else {
      for (int size = 2; size <= CHUNK_SIZES; size++) {
        assertThat(decode(side, limits, input, chunks(input.length, size)))
            .as("input fed in chunks of %d bytes", size)
            .isEqualTo(expected);
      }
    }
    int[] bytewise = new int[input.length + 1];
    for (int i = 0; i <= input.length; i++) {
      bytewise[i] = i;
    }
    assertThat(decode(side, limits, input, bytewise))
        .as("input fed byte by byte")
        .isEqualTo(expected);
    return expected;
  }

  /** The client side with the limits used against Asterisk. */
  static DecodedStream client(byte[] input) {
    return atEverySplit(CLIENT, AmiCodecLimits.FROM_ASTERISK, input);
  }

  /** The server side with Asterisk's own input limits. */
  static DecodedStream server(byte[] input) {
    return atEverySplit(SERVER, AmiCodecLimits.AS_ASTERISK_READS, input);
  }

  private static int[] chunks(int length, int size) {
    int[] cuts = new int[(length + size - 1) / size + 1];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = Math.min(length, i * size);
    }
    return cuts;
  }

  /** Feeds the chunks between consecutive cut positions; stops at the first protocol error. */
  private static DecodedStream decode(Side side, AmiCodecLimits limits, byte[] input, int[] cuts) {
    DecodedStream.Collector collector = new DecodedStream.Collector();
    AmiFrameDecoder decoder = side.apply(collector, limits);
    for (int i = 0; i + 1 < cuts.length; i++) {
      try {
        decoder.feed(input, cuts[i], cuts[i + 1] - cuts[i]);
      } catch (AmiProtocolException e) {
        return collector.result(e.getMessage(), false);
      }
    }
    return collector.result(null, decoder.hasPendingInput());
  }
}
