package io.switchboard.dialer.pacing;

/** Which regulator's abandon-rate accounting a campaign runs under. */
public enum AbandonAccounting {
  /** FCC/FTC: abandoned live calls / live answers, 3 % per campaign per 30 days. */
  US,
  /** Ofcom: AMD false positives count as abandoned too, 3 % per campaign over any 24 h. */
  UK
}
