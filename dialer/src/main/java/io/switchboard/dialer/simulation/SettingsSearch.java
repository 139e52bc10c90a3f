package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AbandonAccounting;
import io.switchboard.dialer.pacing.FixedRatioPolicy;
import io.switchboard.dialer.pacing.VicidialAdaptPolicy;
import io.switchboard.dialer.pacing.VicidialMethod;
import io.switchboard.dialer.pacing.VicidialSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Offline tuning of the baselines' settings on tuning seeds kept apart from the evaluation seeds:
 * the fixed ratio and the VICIdial grid (method x dl_diff_target x intensity), picking the highest
 * talk occupancy with no tuning day over the limit. Thread-safe.
 */
public final class SettingsSearch {
  /** First seed of the tuning days; evaluation days start at 1. */
  public static final long TUNING_SEED = 1_000_001L;

  private final DayRunner runner;
  private final int days;

  public SettingsSearch(DayRunner runner, int days) {
    this.runner = runner;
    this.days = days;
  }

  /** The best fixed ratio for the scenario (1.00 to 3.00 in steps of 0.05). */
  public double bestRatio(Scenario scenario) {
    double best = 1.0;
    double bestOccupancy = -1;
    for (int step = 0; step <= 40; step++) {
      double ratio = 1.0 + step * 0.05;
      PolicySummary s = evaluate(scenario, "ratio", () -> new FixedRatioPolicy(ratio));
      if (compliant(scenario, s) && s.talkOccupancy() > bestOccupancy) {
        best = ratio;
        bestOccupancy = s.talkOccupancy();
      }
    }
    return best;
  }

  /** The best VICIdial ADAPT settings for the scenario. */
  public VicidialSettings bestVicidial(Scenario scenario) {
    List<VicidialSettings> grid = new ArrayList<>();
    for (VicidialMethod method : VicidialMethod.values()) {
      for (int target = 0; target >= -20; target -= 2) {
        for (int intensity = -20; intensity <= 20; intensity += 20) {
          grid.add(VicidialSettings.defaults(method).tuned(target, intensity));
        }
      }
    }
    VicidialSettings best = VicidialSettings.defaults(VicidialMethod.ADAPT_HARD_LIMIT);
    double bestOccupancy = -1;
    for (VicidialSettings settings : grid) {
      PolicySummary s = evaluate(scenario, "vicidial", () -> new VicidialAdaptPolicy(settings));
      if (compliant(scenario, s) && s.talkOccupancy() > bestOccupancy) {
        best = settings;
        bestOccupancy = s.talkOccupancy();
      }
    }
    return best;
  }

  /**
   * The largest threshold α of the look-ahead reference with no tuning day over the limit, by
   * bisection on log α between 0.002 and 0.06 ({@code steps} halvings). If even the smallest is not
   * compliant, the smallest.
   */
  public double bestRolloutAlpha(Scenario scenario, int futures, int steps) {
    double lo = 0.002;
    double hi = 0.06;
    double top = hi;
    PolicySummary loosest =
        evaluate(scenario, "ref B", () -> new RolloutReference(scenario, top, futures));
    if (compliant(scenario, loosest)) {
      return hi;
    }
    for (int i = 0; i < steps; i++) {
      double mid = Math.sqrt(lo * hi);
      PolicySummary s =
          evaluate(scenario, "ref B", () -> new RolloutReference(scenario, mid, futures));
      if (compliant(scenario, s)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private PolicySummary evaluate(
      Scenario scenario,
      String name,
      java.util.function.Supplier<io.switchboard.dialer.pacing.PacingPolicy> policy) {
    return PolicySummary.of(
        name, runner.run(scenario, policy, TUNING_SEED, days), scenario.ceilingOccupancy());
  }

  static boolean compliant(Scenario scenario, PolicySummary s) {
    return scenario.accounting() == AbandonAccounting.UK
        ? s.daysOverUk() == 0
        : s.daysOverUs() == 0;
  }

  static Comparator<PolicySummary> byOccupancy() {
    return Comparator.comparingDouble(PolicySummary::talkOccupancy);
  }
}
