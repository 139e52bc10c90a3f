package io.switchboard.core.call;

import java.util.Locale;

/** Which way a call goes, as stored in {@code call_logs.direction}. */
public enum CallDirection {
  /** The first channel came in from a trunk. */
  INBOUND,
  /** Switchboard (or someone) originated the call, or a phone dialled out through a trunk. */
  OUTBOUND,
  /** Between the PBX's own endpoints. */
  INTERNAL;

  /** The lower-case name used in JSON and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The direction for its {@link #wire()} name. */
  public static CallDirection fromWire(String wire) {
    return WireNames.parse(CallDirection.class, wire);
  }
}
