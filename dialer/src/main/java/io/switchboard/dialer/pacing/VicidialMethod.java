package io.switchboard.dialer.pacing;

/** What VICIdial's ADAPT_* methods do when the day's drop percentage is over the limit. */
public enum VicidialMethod {
  /** Set the dial level to 1.0. */
  ADAPT_HARD_LIMIT,
  /** Halve the dial level. */
  ADAPT_AVERAGE,
  /** Scale the dial level by the fraction of the shift left. */
  ADAPT_TAPERED
}
