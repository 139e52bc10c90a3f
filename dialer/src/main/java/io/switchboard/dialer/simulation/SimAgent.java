package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AgentState;

/** One simulated agent. Mutable; owned by one {@link DaySimulation}. */
final class SimAgent {
  final int index;
  final String id;
  AgentState state = AgentState.LOGGED_OUT;
  double since;
  double idleSince;
  boolean humanCall;
  double wrapAfter;
  double nextPause;

  SimAgent(int index) {
    this.index = index;
    this.id = "a" + index;
  }
}
