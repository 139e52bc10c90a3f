package io.switchboard.dialer.pacing;

import java.time.Instant;

/**
 * Progressive (power) dialing: one call per ready agent, minus calls already on their way. No
 * abandons apart from AMD false positives. Not thread-safe (stateless, so in practice it is).
 */
public final class ProgressivePolicy implements PacingPolicy {

  @Override
  public String name() {
    return "progressive";
  }

  @Override
  public void on(PacingEvent event) {
    // Needs nothing beyond the snapshot.
  }

  @Override
  public int callsToStart(PacingSnapshot snapshot, Instant now) {
    return Math.max(0, snapshot.agentsIn(AgentState.READY) - snapshot.callsNotBridged());
  }
}
