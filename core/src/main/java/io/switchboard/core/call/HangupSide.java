package io.switchboard.core.call;

import java.util.Locale;

/** Who ended a call, as stored in {@code call_logs.hangup_by}. */
public enum HangupSide {
  /** The caller (for originated calls: the called customer) hung up first. */
  CALLER,
  /** The agent or dialled party hung up first. */
  AGENT,
  /** The PBX ended it: a timeout, an AMI Hangup, a failed dial. */
  SYSTEM;

  /** The lower-case name used in JSON and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The side for its {@link #wire()} name. */
  public static HangupSide fromWire(String wire) {
    return WireNames.parse(HangupSide.class, wire);
  }
}
