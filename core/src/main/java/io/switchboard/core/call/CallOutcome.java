package io.switchboard.core.call;

import java.util.Locale;

/** How a call ended, as stored in {@code call_logs.outcome}. */
public enum CallOutcome {
  /** A person answered (agent, dialled party, called customer). */
  ANSWERED,
  /** The caller left a queue before an agent answered. */
  ABANDONED,
  /** Nobody answered (DialStatus NOANSWER or CANCEL, OriginateResponse reason 1 or 3). */
  NO_ANSWER,
  /** The far end was busy (DialStatus BUSY, OriginateResponse reason 5). */
  BUSY,
  /** The network could not carry the call (CONGESTION, CHANUNAVAIL, reason 8). */
  CONGESTION,
  /** The call could not be placed at all (reason 0, invalid number, other dial failures). */
  FAILED,
  /** Answering-machine detection said MACHINE. */
  MACHINE;

  /** The lower-case name used in JSON and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome for its {@link #wire()} name. */
  public static CallOutcome fromWire(String wire) {
    return WireNames.parse(CallOutcome.class, wire);
  }
}
