package io.switchboard.dialer.lead;

import java.util.Locale;

/** What Asterisk's answering-machine detection said of an answered call (its AMDSTATUS). */
public enum AmdVerdict {
  HUMAN,
  MACHINE,
  NOTSURE,
  HANGUP;

  /** The name in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verdict of a wire name, or null when there is none. */
  public static AmdVerdict fromWire(String name) {
    for (AmdVerdict verdict : values()) {
      if (verdict.wireName().equals(name)) {
        return verdict;
      }
    }
    return null;
  }
}
