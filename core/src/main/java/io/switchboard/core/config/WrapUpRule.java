package io.switchboard.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What follows a call from one queue: {@code time} of wrap-up, then ready, or paused with {@code
 * after-wrap-up} when {@code readyAfter} is false. Immutable.
 */
public record WrapUpRule(Duration time, boolean readyAfter) {

  /** Longest wrap-up a queue may configure. */
  public static final Duration MAX_TIME = Duration.ofHours(1);

  public WrapUpRule {
    Objects.requireNonNull(time, "time");
    if (time.isNegative() || time.compareTo(MAX_TIME) > 0) {
      throw new IllegalArgumentException("wrap-up time must be between 0 and 1h, was " + time);
    }
  }
}
