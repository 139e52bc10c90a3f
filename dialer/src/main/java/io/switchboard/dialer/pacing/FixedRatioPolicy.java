package io.switchboard.dialer.pacing;

import java.time.Instant;

/**
 * VICIdial's RATIO method: keep {@code round(ratio x active agents)} lines, where active agents are
 * ready or in a call (wrap-up counts as paused, as in VICIdial) and lines include calls already
 * talking. A ratio of 1.0 is progressive. Not thread-safe (stateless).
 */
public final class FixedRatioPolicy implements PacingPolicy {
  private final double ratio;

  public FixedRatioPolicy(double ratio) {
    if (!(ratio >= 1.0)) {
      throw new IllegalArgumentException("ratio must be at least 1.0, was " + ratio);
    }
    this.ratio = ratio;
  }

  @Override
  public String name() {
    return String.format(java.util.Locale.ROOT, "ratio %.2f", ratio);
  }

  @Override
  public void on(PacingEvent event) {
    // Needs nothing beyond the snapshot.
  }

  @Override
  public int callsToStart(PacingSnapshot snapshot, Instant now) {
    int active = snapshot.agentsIn(AgentState.READY) + snapshot.agentsIn(AgentState.IN_CALL);
    long goal = Math.round(ratio * active);
    return (int) Math.max(0, goal - snapshot.callsInProgress());
  }
}
