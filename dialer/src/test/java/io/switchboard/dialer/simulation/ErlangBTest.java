package io.switchboard.dialer.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangBTest {

  @Test
  void matchesTheReferenceTableToATenthOfAPoint() {
    double[][] table = {{10, 46.0}, {20, 58.2}, {50, 69.7}, {100, 75.5}, {200, 79.4}};
    for (double[] row : table) {
      double occupancy = 100 * ErlangB.talkOccupancy((int) row[0], 0.03, 180, 30);
      assertThat(occupancy).as("N = %d", (int) row[0]).isCloseTo(row[1], within(0.1));
    }
    assertThat(ErlangB.conversationsPerAgentHour(20, 0.03, 180, 30)).isCloseTo(11.6, within(0.05));
  }

  @Test
  void blockingHitsTheTargetAtTheFoundLoad() {
    double a = ErlangB.offeredLoad(20, 0.03);
    assertThat(ErlangB.blocking(20, a)).isCloseTo(0.03, within(1e-9));
    assertThat(ErlangB.blocking(1, 1.0)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aScenarioUsesItsTrueMeans() {
    Scenario c3 = ScenarioCatalog.byId("C3").orElseThrow();
    assertThat(100 * ErlangB.talkOccupancy(c3)).isCloseTo(69.7, within(0.1));
  }
}
