package io.switchboard.agentws.wallboard;

import java.util.Locale;

/** Where a live call is, as far as the wallboard shows it. */
enum CallState {
  /** Created, not (yet) in a queue, ringing an agent or answered: not listed. */
  NEW,
  QUEUED,
  RINGING,
  TALKING;

  /** The lower-case name used in JSON. */
  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
