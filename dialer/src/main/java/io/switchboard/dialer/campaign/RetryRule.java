package io.switchboard.dialer.campaign;

import java.time.Duration;

/**
 * How a campaign retries after one kind of outcome: wait {@code delayMinutes} before the next
 * attempt, and finish the lead once {@code maxAttempts} attempts have ended with this outcome.
 * Immutable.
 */
public record RetryRule(int delayMinutes, int maxAttempts) {

  /** Longest delay: 30 days. */
  public static final int MAX_DELAY_MINUTES = 43_200;

  /** Most attempts per outcome (and per lead). */
  public static final int MAX_ATTEMPTS = 50;

  public RetryRule {
    if (delayMinutes < 1 || delayMinutes > MAX_DELAY_MINUTES) {
      throw new IllegalArgumentException("delayMinutes must be 1.." + MAX_DELAY_MINUTES);
    }
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("maxAttempts must be 1.." + MAX_ATTEMPTS);
    }
  }

  public Duration delay() {
    return Duration.ofMinutes(delayMinutes);
  }
}
