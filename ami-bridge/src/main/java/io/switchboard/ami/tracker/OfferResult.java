package io.switchboard.ami.tracker;

import java.util.Locale;

/** How a queue's offer of a call to one agent ended, as stored in {@code call_log_offers}. */
public enum OfferResult {
  /** {@code AgentConnect}: this agent took the call. */
  CONNECTED,
  /** {@code AgentRingNoAnswer}: the agent's phone rang out or was declined. */
  NO_ANSWER,
  /** Another agent took the call while this one rang (ringall strategies). */
  ANSWERED_ELSEWHERE,
  /** The caller hung up while this agent rang. */
  CALLER_LEFT,
  /** {@code AgentDump}: the agent hung up on the caller. */
  REJECTED,
  /** The call ended with the offer still open and no reason reported. */
  CANCELLED;

  /** The lower-case name used in JSON and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The result for its {@link #wire()} name. */
  public static OfferResult fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
