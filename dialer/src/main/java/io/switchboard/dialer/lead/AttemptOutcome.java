package io.switchboard.dialer.lead;

import java.util.Locale;

/**
 * How a dial of a lead ended. {@code ANSWERED}: a person reached an agent; {@code ABANDONED}: a
 * person answered and no agent took the call within 2 s (the abandon message played).
 */
public enum AttemptOutcome {
  ANSWERED,
  ABANDONED,
  MACHINE,
  BUSY,
  NO_ANSWER,
  FAILED;

  /** The name in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome of a wire name, or null when there is none. */
  public static AttemptOutcome fromWire(String name) {
    for (AttemptOutcome outcome : values()) {
      if (outcome.wireName().equals(name)) {
        return outcome;
      }
    }
    return null;
  }
}
