package io.switchboard.dialer.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialer.pacing.AgentState;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.pacing.PacingEvent.AgentStateChanged;
import io.switchboard.dialer.pacing.PacingTracker;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RolloutReferenceTest {
  private static final Scenario C1 = ScenarioCatalog.byId("C1").orElseThrow();

  private static Instant at(double seconds) {
    return DaySimulation.DAY_START.plusMillis(Math.round(seconds * 1000));
  }

  /** 20 agents: {@code ready} of them idle since t = 0, the rest in a call since t = 0. */
  private static PacingTracker state(int ready) {
    PacingTracker tracker = new PacingTracker();
    for (int i = 0; i < C1.agents(); i++) {
      AgentState state = i < ready ? AgentState.READY : AgentState.IN_CALL;
      PacingEvent event = new AgentStateChanged("a" + i, state, at(0));
      tracker.on(event);
    }
    return tracker;
  }

  @Test
  void withEveryAgentLongInACallAndNothingInFlightItStartsNothing() {
    RolloutReference reference = new RolloutReference(C1, 0.10, 256);
    assertThat(reference.callsToStart(state(0), at(1800))).isZero();
  }

  @Test
  void withManyIdleAgentsItStartsCalls() {
    RolloutReference reference = new RolloutReference(C1, 0.10, 256);
    int started = reference.callsToStart(state(20), at(1800));
    assertThat(started).isGreaterThanOrEqualTo(20);
  }

  @Test
  void aLargerThresholdNeverStartsFewerCalls() {
    int strict = new RolloutReference(C1, 0.02, 256).callsToStart(state(5), at(1800));
    int loose = new RolloutReference(C1, 0.30, 256).callsToStart(state(5), at(1800));
    assertThat(loose).isGreaterThanOrEqualTo(strict).isGreaterThan(0);
  }

  @Test
  void itDecidesOnlyOnTheSecondTicks() {
    RolloutReference reference = new RolloutReference(C1, 0.10, 64);
    assertThat(reference.callsToStart(state(20), at(1800.5))).isZero();
  }

  @Test
  void theSameSeedGivesTheSameDay() {
    DayResult a = new DaySimulation(C1, 7, new RolloutReference(C1, 0.1, 16), null, true).run();
    DayResult b = new DaySimulation(C1, 7, new RolloutReference(C1, 0.1, 16), null, true).run();
    assertThat(a.logHash()).hasSize(64).isEqualTo(b.logHash());
  }
}
