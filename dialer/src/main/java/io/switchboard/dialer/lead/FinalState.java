package io.switchboard.dialer.lead;

import java.util.Locale;

/** Why a lead is done: it reached an agent, ran out of attempts, or may not be called. */
public enum FinalState {
  CONTACTED,
  MAX_ATTEMPTS,
  DO_NOT_CALL,
  EXCLUDED,
  CANCELLED;

  /** The name in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state of a wire name, or null when there is none. */
  public static FinalState fromWire(String name) {
    for (FinalState state : values()) {
      if (state.wireName().equals(name)) {
        return state;
      }
    }
    return null;
  }
}
