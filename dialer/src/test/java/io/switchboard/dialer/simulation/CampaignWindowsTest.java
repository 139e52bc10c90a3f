package io.switchboard.dialer.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignWindowsTest {

  /** A day with 10 live answers a minute and the given abandons in its first or last hour. */
  private static DayResult day(int morningDrops, int eveningDrops) {
    int minutes = DayMetrics.MINUTES;
    int[] live = new int[minutes];
    int[] abandoned = new int[minutes];
    int[] fp = new int[minutes];
    java.util.Arrays.fill(live, 10);
    for (int i = 0; i < morningDrops; i++) {
      abandoned[i % 60]++;
    }
    for (int i = 0; i < eveningDrops; i++) {
      abandoned[minutes - 60 + i % 60]++;
    }
    long liveTotal = 10L * minutes;
    return new DayResult(
        0.5,
        0.6,
        liveTotal,
        morningDrops + eveningDrops,
        0,
        0,
        0,
        0,
        0,
        new double[0],
        new double[0],
        new DayResult.MinuteCounts(live, abandoned, fp),
        "");
  }

  @Test
  void aBadEveningFollowedByABadMorningBreaksTheRollingWindowButNeitherDay() {
    // each day: 4800 live answers and 120 drops = 2.5 %; the evening-to-morning window has 240
    List<DayResult> days = List.of(day(0, 120), day(120, 0));
    CampaignWindows w = CampaignWindows.of(days);
    assertThat(days.get(0).abandonRateUs()).isCloseTo(0.025, within(1e-12));
    assertThat(w.campaignUs()).isCloseTo(0.025, within(1e-12));
    assertThat(w.rolling24Us()).isCloseTo(240.0 / 4800, within(1e-12));
    assertThat(w.rolling24Uk()).isEqualTo(w.rolling24Us());
  }

  @Test
  void evenDropsGiveTheSameRateInEveryWindow() {
    CampaignWindows w = CampaignWindows.of(List.of(day(60, 60), day(60, 60), day(60, 60)));
    assertThat(w.rolling24Us()).isCloseTo(0.025, within(1e-12));
    assertThat(w.campaignUs()).isCloseTo(0.025, within(1e-12));
  }
}
