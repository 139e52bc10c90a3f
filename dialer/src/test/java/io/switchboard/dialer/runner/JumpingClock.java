package io.switchboard.dialer.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time, started at a chosen instant, that the test can move forward in jumps (retry delays and
 * re-call locks of minutes and days pass at once between calls). Thread-safe.
 */
final class JumpingClock extends Clock {

  private final Instant start;
  private final long startNanos = System.nanoTime();
  private final AtomicLong jumpedNanos = new AtomicLong();

  JumpingClock(Instant start) {
    this.start = start;
  }

  /** Moves the clock to {@code target} when that is ahead of it. */
  void jumpTo(Instant target) {
    Duration ahead = Duration.between(instant(), target);
    if (!ahead.isNegative()) {
      jumpedNanos.addAndGet(ahead.toNanos());
    }
  }

  @Override
  public Instant instant() {
    return start.plusNanos(System.nanoTime() - startNanos + jumpedNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the dialer reads instants only");
  }
}
