package io.switchboard.dialer.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialer.pacing.FixedRatioPolicy;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.pacing.PacingPolicy;
import io.switchboard.dialer.pacing.PredictivePolicy;
import io.switchboard.dialer.pacing.ProgressivePolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaySimulationTest {
  private static final Scenario C1 = ScenarioCatalog.byId("C1").orElseThrow();

  @Test
  void theSameSeedGivesTheSameEventLogByteForByte() {
    PacingPolicy first = PredictivePolicy.create(PolicyLineup.predictiveSettings(C1));
    PacingPolicy second = PredictivePolicy.create(PolicyLineup.predictiveSettings(C1));
    DayResult a = new DaySimulation(C1, 42, first, null, true).run();
    DayResult b = new DaySimulation(C1, 42, second, null, true).run();
    DayResult other =
        new DaySimulation(
                C1, 43, PredictivePolicy.create(PolicyLineup.predictiveSettings(C1)), null, true)
            .run();
    assertThat(a.logHash()).hasSize(64).isEqualTo(b.logHash());
    assertThat(other.logHash()).isNotEqualTo(a.logHash());
  }

  @Test
  void differentPoliciesFaceTheSameDialOutcomes() {
    Map<String, String> progressive = dialHistories(new ProgressivePolicy());
    Map<String, String> ratio = dialHistories(new FixedRatioPolicy(2.0));
    for (int i = 0; i < 500; i++) {
      assertThat(ratio.get("c" + i)).as("call c" + i).isEqualTo(progressive.get("c" + i));
    }
  }

  /** Per call, what happened and when relative to its origination, up to AMD's verdict. */
  private static Map<String, String> dialHistories(PacingPolicy policy) {
    Map<String, Double> start = new HashMap<>();
    Map<String, String> history = new HashMap<>();
    new DaySimulation(C1, 7, policy, event -> record(event, start, history), false).run();
    return history;
  }

  private static void record(
      PacingEvent event, Map<String, Double> start, Map<String, String> history) {
    double t = PacingEvent.seconds(event.at());
    String id;
    String what;
    if (event instanceof PacingEvent.CallOriginated e) {
      start.put(e.callId(), t);
      return;
    } else if (event instanceof PacingEvent.CallRinging e) {
      id = e.callId();
      what = "ringing";
    } else if (event instanceof PacingEvent.CallAnswered e) {
      id = e.callId();
      what = "answered";
    } else if (event instanceof PacingEvent.AmdResult e) {
      id = e.callId();
      what = e.human() ? "human" : "machine";
    } else if (event instanceof PacingEvent.CallEnded e
        && e.outcome() != io.switchboard.dialer.pacing.CallOutcome.ABANDONED
        && !history.getOrDefault(e.callId(), "").contains("human")) {
      id = e.callId();
      what = e.outcome().name();
    } else {
      return;
    }
    long millis = Math.round((t - start.get(id)) * 1000);
    history.merge(id, what + "@" + millis, (a, b) -> a + " " + b);
  }

  @Test
  void aDayOfProgressiveDialingAbandonsNobody() {
    DayResult day = new DaySimulation(C1, 3, new ProgressivePolicy(), null, false).run();
    assertThat(day.conversations()).isGreaterThan(1000);
    assertThat(day.abandonedLive()).isZero();
    assertThat(day.talkOccupancy()).isBetween(0.45, 0.60);
  }

  @Test
  void theCeilingIsTalkOverTalkPlusWrap() {
    assertThat(C1.ceilingOccupancy())
        .isCloseTo(180.0 / 210.0, org.assertj.core.data.Offset.offset(1e-12));
  }
}
