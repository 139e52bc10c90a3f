package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.FixedRatioPolicy;
import io.switchboard.dialer.pacing.IssabelPolicy;
import io.switchboard.dialer.pacing.PacingPolicy;
import io.switchboard.dialer.pacing.PacingRefusedException;
import io.switchboard.dialer.pacing.PredictivePolicy;
import io.switchboard.dialer.pacing.PredictiveSettings;
import io.switchboard.dialer.pacing.ProgressivePolicy;
import io.switchboard.dialer.pacing.VicidialAdaptPolicy;
import io.switchboard.dialer.pacing.VicidialMethod;
import io.switchboard.dialer.pacing.VicidialSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The policies run side by side in one scenario (reference section 4.3), by display name. The
 * predictive policy gets only campaign configuration (accounting, whether AMD runs and the AMD
 * false-positive estimate an operator must supply), never the traffic parameters. Immutable.
 */
public final class PolicyLineup {
  private PolicyLineup() {}

  /** The settings of our predictive policy for a campaign configured like the scenario. */
  public static PredictiveSettings predictiveSettings(Scenario scenario) {
    return PredictiveSettings.defaults()
        .withAmd(scenario.accounting(), scenario.amd(), scenario.falsePositive());
  }

  /**
   * The lineup; {@code bestRatio} and {@code bestVicidial} come from {@link SettingsSearch}, or are
   * null to leave those rows out. {@code refusal} receives the refusal reason, if any.
   */
  public static Map<String, Supplier<PacingPolicy>> of(
      Scenario scenario, Double bestRatio, VicidialSettings bestVicidial, StringBuilder refusal) {
    return of(scenario, bestRatio, bestVicidial, null, 0, refusal);
  }

  /**
   * The lineup with the look-ahead reference (ref B) at threshold {@code rolloutAlpha} and {@code
   * futures} futures per decision, or without it when {@code rolloutAlpha} is null.
   */
  public static Map<String, Supplier<PacingPolicy>> of(
      Scenario scenario,
      Double bestRatio,
      VicidialSettings bestVicidial,
      Double rolloutAlpha,
      int futures,
      StringBuilder refusal) {
    Map<String, Supplier<PacingPolicy>> lineup = new LinkedHashMap<>();
    lineup.put("progressive", ProgressivePolicy::new);
    lineup.put("ratio 1.50", () -> new FixedRatioPolicy(1.5));
    lineup.put("ratio 2.00", () -> new FixedRatioPolicy(2.0));
    if (bestRatio != null) {
      lineup.put(
          String.format(java.util.Locale.ROOT, "ratio best %.2f*", bestRatio),
          () -> new FixedRatioPolicy(bestRatio));
    }
    for (VicidialMethod method : VicidialMethod.values()) {
      VicidialSettings defaults = VicidialSettings.defaults(method);
      String name = new VicidialAdaptPolicy(defaults).name().replace(" dt0 i0", " defaults");
      lineup.put(name, () -> new VicidialAdaptPolicy(defaults));
    }
    if (bestVicidial != null) {
      lineup.put(
          new VicidialAdaptPolicy(bestVicidial).name() + "*",
          () -> new VicidialAdaptPolicy(bestVicidial));
    }
    lineup.put("issabel", () -> new IssabelPolicy(false));
    lineup.put("issabel overcommit", () -> new IssabelPolicy(true));
    PredictiveSettings settings = predictiveSettings(scenario);
    try {
      PredictivePolicy.create(settings);
      lineup.put("predictive (ours)", () -> PredictivePolicy.create(settings));
    } catch (PacingRefusedException e) {
      refusal.append(e.getMessage());
      lineup.put("predictive refused -> progressive", ProgressivePolicy::new);
    }
    if (rolloutAlpha != null) {
      lineup.put(
          String.format(
              java.util.Locale.ROOT,
              "%s α %.4f K %d",
              BenchmarkTable.REFERENCE_B,
              rolloutAlpha,
              futures),
          () -> new RolloutReference(scenario, rolloutAlpha, futures));
    }
    return lineup;
  }
}
