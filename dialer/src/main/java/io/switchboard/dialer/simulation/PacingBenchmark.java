package io.switchboard.dialer.simulation;

import io.switchboard.core.SuppressForbidden;
import io.switchboard.dialer.pacing.PacingPolicy;
import io.switchboard.dialer.pacing.VicidialSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pacing benchmark: runs every policy over the same seeded days (common random numbers) in each
 * chosen scenario and prints one table per scenario; optionally writes the SVG plot. Not a test.
 * Options: {@code --days N} (30), {@code --scenarios C1,C2|core|all} (core), {@code --tuning-days
 * N} (4; 0 skips the tuned baselines), {@code --parallel}, {@code --svg FILE}, {@code --ref-b
 * core|all|none|C1,C2} (core: where the look-ahead reference runs), {@code --ref-b-futures K} (64),
 * {@code --ref-b-alpha A} (skip its tuning), {@code --ref-b-steps S} (6 bisection steps).
 */
public final class PacingBenchmark {
  private PacingBenchmark() {}

  /** Entry point. */
  @SuppressForbidden(reason = "a command-line benchmark prints its table to standard output")
  public static void main(String[] args) throws IOException {
    int days = 30;
    int tuningDays = 4;
    boolean parallel = false;
    String scenarios = "core";
    Path svg = null;
    RolloutOptions rollout = new RolloutOptions();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--tuning-days" -> tuningDays = Integer.parseInt(args[++i]);
        case "--scenarios" -> scenarios = args[++i];
        case "--parallel" -> parallel = true;
        case "--svg" -> svg = Path.of(args[++i]);
        case "--ref-b" -> rollout.scenarios = args[++i];
        case "--ref-b-futures" -> rollout.futures = Integer.parseInt(args[++i]);
        case "--ref-b-alpha" -> rollout.alpha = Double.parseDouble(args[++i]);
        case "--ref-b-steps" -> rollout.steps = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PrintStream out = System.out;
    DayRunner runner = new DayRunner(parallel);
    Map<Scenario, List<PolicySummary>> results = new LinkedHashMap<>();
    out.printf(
        Locale.ROOT,
        "Switchboard pacing benchmark: %d seeded 8 h days per policy (seeds 1..%d), cold start;"
            + " * = tuned on %d separate days (seeds from %d)%n",
        days,
        days,
        tuningDays,
        SettingsSearch.TUNING_SEED);
    for (Scenario scenario : select(scenarios)) {
      results.put(scenario, runScenario(scenario, runner, days, tuningDays, rollout, out));
    }
    if (svg != null) {
      OccupancyPlot.write(svg, results);
      out.println("plot written to " + svg);
    }
  }

  private static List<Scenario> select(String spec) {
    if (spec.equalsIgnoreCase("all")) {
      return ScenarioCatalog.all();
    }
    List<String> ids =
        spec.equalsIgnoreCase("core") ? ScenarioCatalog.CORE : List.of(spec.split(","));
    List<Scenario> chosen = new ArrayList<>();
    for (String id : ids) {
      chosen.add(
          ScenarioCatalog.byId(id.trim())
              .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + id)));
    }
    return chosen;
  }

  /** Options of the look-ahead reference (ref B). */
  private static final class RolloutOptions {
    String scenarios = "core";
    int futures = 64;
    Double alpha;
    int steps = 6;

    boolean runsIn(Scenario scenario) {
      if (scenarios.equalsIgnoreCase("all")) {
        return true;
      }
      if (scenarios.equalsIgnoreCase("none")) {
        return false;
      }
      List<String> ids =
          scenarios.equalsIgnoreCase("core")
              ? ScenarioCatalog.CORE
              : List.of(scenarios.toUpperCase(Locale.ROOT).split(","));
      return ids.contains(scenario.id());
    }
  }

  private static List<PolicySummary> runScenario(
      Scenario scenario,
      DayRunner runner,
      int days,
      int tuningDays,
      RolloutOptions rollout,
      PrintStream out) {
    Double bestRatio = null;
    VicidialSettings bestVicidial = null;
    if (tuningDays > 0) {
      SettingsSearch search = new SettingsSearch(runner, tuningDays);
      bestRatio = search.bestRatio(scenario);
      bestVicidial = search.bestVicidial(scenario);
    }
    Double alpha = null;
    if (rollout.runsIn(scenario)) {
      alpha = rollout.alpha;
      if (alpha == null && tuningDays > 0) {
        alpha =
            new SettingsSearch(runner, tuningDays)
                .bestRolloutAlpha(scenario, rollout.futures, rollout.steps);
      }
    }
    StringBuilder refusal = new StringBuilder();
    Map<String, Supplier<PacingPolicy>> lineup =
        PolicyLineup.of(scenario, bestRatio, bestVicidial, alpha, rollout.futures, refusal);
    List<PolicySummary> rows = new ArrayList<>();
    for (Map.Entry<String, Supplier<PacingPolicy>> policy : lineup.entrySet()) {
      List<DayResult> results = runner.run(scenario, policy.getValue(), 1, days);
      rows.add(PolicySummary.of(policy.getKey(), results, scenario.ceilingOccupancy()));
    }
    BenchmarkTable.print(out, scenario, rows, refusal.toString());
    return rows;
  }
}
