package io.switchboard.dialer.simulation;

import io.switchboard.core.SuppressForbidden;
import io.switchboard.dialer.pacing.PredictivePolicy;
import io.switchboard.dialer.pacing.PredictiveSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Tunes our predictive policy's controller (target fraction, cold-start risk, gain) on the tuning
 * seeds only, never on the evaluation seeds, and prints each setting's worst day and occupancy in
 * the core scenarios. Options: {@code --days N} (10). Not a test.
 */
public final class PredictiveTuning {
  private PredictiveTuning() {}

  /** Entry point. */
  @SuppressForbidden(reason = "a command-line tuning tool prints its table to standard output")
  public static void main(String[] args) {
    int days = args.length > 1 && args[0].equals("--days") ? Integer.parseInt(args[1]) : 10;
    PrintStream out = System.out;
    DayRunner runner = new DayRunner(true);
    List<Scenario> core =
        ScenarioCatalog.CORE.stream().map(id -> ScenarioCatalog.byId(id).get()).toList();
    for (double fraction : new double[] {0.85, 0.9, 0.95}) {
      for (double risk : new double[] {0.005, 0.02}) {
        for (double gain : new double[] {0.1, 0.3, 1.0}) {
          StringBuilder line =
              new StringBuilder(
                  String.format(
                      Locale.ROOT, "fraction %.2f risk %.3f gain %.1f:", fraction, risk, gain));
          for (Scenario scenario : core) {
            PredictiveSettings settings =
                PolicyLineup.predictiveSettings(scenario).withController(fraction, risk, gain);
            PolicySummary s =
                PolicySummary.of(
                    "p",
                    runner.run(
                        scenario,
                        () -> PredictivePolicy.create(settings),
                        SettingsSearch.TUNING_SEED,
                        days),
                    scenario.ceilingOccupancy());
            line.append(
                String.format(
                    Locale.ROOT,
                    "  %s %.1f%% max %.2f%% over %d |",
                    scenario.id(),
                    100 * s.talkOccupancy(),
                    100 * s.abandonUsMax(),
                    s.daysOverUs()));
          }
          out.println(line);
        }
      }
    }
  }
}
