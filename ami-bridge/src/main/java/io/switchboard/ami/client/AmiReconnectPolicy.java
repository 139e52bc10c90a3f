package io.switchboard.ami.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential back-off with full jitter for AMI reconnects: after the n-th failure in a row the
 * ceiling is {@code min * 2^n}, capped at {@code max}, and the delay is drawn uniformly from zero
 * to that ceiling, so that many nodes cut off by the same Asterisk restart do not all return at the
 * same instant. Pure; thread-safe.
 */
public final class AmiReconnectPolicy {

  private final long minMs;
  private final long maxMs;
  private final LongUnaryOperator randomBelow;

  public AmiReconnectPolicy(Duration min, Duration max) {
    this(min, max, bound -> ThreadLocalRandom.current().nextLong(bound));
  }

  /**
   * @param randomBelow given a positive bound, a number from zero up to (not including) the bound
   */
  public AmiReconnectPolicy(Duration min, Duration max, LongUnaryOperator randomBelow) {
    if (min.isNegative() || min.compareTo(max) > 0) {
      throw new IllegalArgumentException("reconnect delays must satisfy 0 <= min <= max");
    }
    this.minMs = min.toMillis();
    this.maxMs = max.toMillis();
    this.randomBelow = randomBelow;
  }

  /** The ceiling after {@code failures} failures in a row (0 for the first reconnect). */
  public long ceilingMs(int failures) {
    long ceiling = minMs;
    for (int i = 0; i < failures && ceiling < maxMs; i++) {
      ceiling *= 2;
    }
    return Math.min(Math.max(ceiling, 1), maxMs);
  }

  /** The delay before the next attempt, from 0 to {@link #ceilingMs(int)} inclusive. */
  public long delayMs(int failures) {
    return randomBelow.applyAsLong(ceilingMs(failures) + 1);
  }
}
