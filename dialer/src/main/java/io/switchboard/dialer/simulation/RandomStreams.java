package io.switchboard.dialer.simulation;

import java.util.SplittableRandom;

/**
 * Separate, reproducible random streams per source: the k-th dial's outcome and timing come from
 * stream (seed, DIAL, k), the j-th conversation's talk and wrap-up times from (seed, TALK, j), so
 * every policy faces the same calls (common random numbers). Stateless; thread-safe.
 */
public final class RandomStreams {

  /** The random sources of the model. */
  public enum Source {
    DIAL,
    TALK
  }

  private RandomStreams() {}

  /** The stream for the index-th draw of the source under the seed. */
  public static SplittableRandom stream(long seed, Source source, long index) {
    long mixed = mix(mix(seed) ^ (source.ordinal() + 1) * 0x9E3779B97F4A7C15L) + index;
    return new SplittableRandom(mix(mixed));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
