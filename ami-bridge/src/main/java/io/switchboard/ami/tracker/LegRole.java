package io.switchboard.ami.tracker;

import java.util.Locale;

/** The part a channel plays in a call, as stored in {@code call_log_legs.role}. */
public enum LegRole {
  /** The call's first channel: the caller, or the called customer of an originated call. */
  CALLER,
  /** A channel that rang or reached an agent (queue member or dialled party). */
  AGENT,
  /** A channel reached by a transfer, or the target of a consultation joined by one. */
  TRANSFER,
  /** Anything else: Local channel halves, a consultation call's own legs. */
  OTHER;

  /** The lower-case name used in JSON and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role for its {@link #wire()} name. */
  public static LegRole fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
