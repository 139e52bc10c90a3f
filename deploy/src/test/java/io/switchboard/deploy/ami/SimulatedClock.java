package io.switchboard.deploy.ami;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The call trackers' clock in these tests: the test moves it in step with the simulator's manual
 * clock, so that what the tracker times (waits, talk, hold) is simulated time. Read from any
 * thread.
 */
final class SimulatedClock extends Clock {

  private volatile long millis;

  SimulatedClock(long startMillis) {
    this.millis = startMillis;
  }

  void set(long newMillis) {
    millis = newMillis;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is always UTC");
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public long millis() {
    return millis;
  }
}
