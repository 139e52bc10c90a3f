package io.switchboard.dialer.lead;

import java.util.Locale;

/**
 * Where a lead is: waiting for its next attempt (ready), held by a runner for a dial (dialing), or
 * finished with a {@link FinalState} (done).
 */
public enum LeadStatus {
  READY,
  DIALING,
  DONE;

  /** The name in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status of a wire name, or null when there is none. */
  public static LeadStatus fromWire(String name) {
    for (LeadStatus status : values()) {
      if (status.wireName().equals(name)) {
        return status;
      }
    }
    return null;
  }
}
