package io.switchboard.dialer.pacing;

import java.time.Instant;

/**
 * Decides how many calls to start. It is fed every normalized event and asked at least once a
 * second; it never sees a scenario's true parameters and must estimate what it needs online. Not
 * thread-safe: one owner (a campaign runner or the simulator) calls it from one thread.
 */
public interface PacingPolicy {

  /** A short name for tables and logs. */
  String name();

  /** Observes one event; called for every event, in order, after the snapshot was updated. */
  void on(PacingEvent event);

  /** How many new calls to originate now (zero or more). */
  int callsToStart(PacingSnapshot snapshot, Instant now);
}
