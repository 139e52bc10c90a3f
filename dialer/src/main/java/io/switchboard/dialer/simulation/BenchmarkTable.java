package io.switchboard.dialer.simulation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints one scenario's side-by-side table as Markdown. Stateless. */
public final class BenchmarkTable {
  private BenchmarkTable() {}

  /** Prints the table. */
  public static void print(
      PrintStream out, Scenario scenario, List<PolicySummary> rows, String refusal) {
    out.printf(
        Locale.ROOT,
        "%n### %s: N=%d, p_h=%.2f p_m=%.2f p_f=%.2f, AMD %s (FP %.2f, FN %.2f), %s accounting,"
            + " ring limit %.0f s%n",
        scenario.id(),
        scenario.agents(),
        scenario.pHuman(),
        scenario.pMachine(),
        scenario.pFail(),
        scenario.amd() ? "on" : "off",
        scenario.falsePositive(),
        scenario.falseNegative(),
        scenario.accounting(),
        scenario.ringLimit());
    if (!refusal.isEmpty()) {
      out.println("Predictive: " + refusal);
    }
    out.println();
    out.println(
        "| policy | talk occ | busy occ | US ab mean | US ab max | US days>3% | UK ab max |"
            + " UK days>3% | wait mean/p50/p95 s | conv/agent-h | dials/conv | r2b p95 s |"
            + " gap to ceiling | rolling 24 h max US / UK | campaign (all days) US / UK |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (PolicySummary r : rows) {
      out.printf(
          Locale.ROOT,
          "| %s | %.1f%% ±%.1f | %.1f%% | %.2f%% | %.2f%% | %d | %.2f%% | %d | %.0f / %.0f / %.0f |"
              + " %.1f | %.2f | %.2f | %.1f | %.2f%% / %.2f%% | %.2f%% / %.2f%% |%n",
          r.policy(),
          100 * r.talkOccupancy(),
          100 * r.talkOccupancyCi(),
          100 * r.busyOccupancy(),
          100 * r.abandonUsMean(),
          100 * r.abandonUsMax(),
          r.daysOverUs(),
          100 * r.abandonUkMax(),
          r.daysOverUk(),
          r.waitMean(),
          r.waitP50(),
          r.waitP95(),
          r.conversationsPerAgentHour(),
          r.dialsPerConversation(),
          r.readyToBridgeP95(),
          100 * r.gapToCeiling(),
          100 * r.windows().rolling24Us(),
          100 * r.windows().rolling24Uk(),
          100 * r.windows().campaignUs(),
          100 * r.windows().campaignUk());
    }
    out.printf(
        Locale.ROOT,
        "| ceiling (perfect foresight) | %.1f%% | | 0 | 0 | 0 | 0 | 0 | 0 | %.1f | | 0 | 0 | 0 | 0 |%n",
        100 * scenario.ceilingOccupancy(),
        scenario.ceilingConversationsPerHour());
    double talkMean = scenario.talk().expectedMean();
    out.printf(
        Locale.ROOT,
        "| Erlang-B open loop (analytic, B(N, a) = 3 %%, hold %.0f + %.0f s) | %.1f%% | | 3.00%% |"
            + " | | | | | %.1f | | | %.1f | | |%n",
        talkMean,
        Scenario.WRAP_MEAN,
        100 * ErlangB.talkOccupancy(scenario),
        ErlangB.conversationsPerAgentHour(
            scenario.agents(), PolicySummary.LIMIT, talkMean, Scenario.WRAP_MEAN),
        100 * (scenario.ceilingOccupancy() - ErlangB.talkOccupancy(scenario)));
    frontierGap(out, rows);
  }

  /** Prints our policy's gap to the look-ahead reference, when both ran. */
  static void frontierGap(PrintStream out, List<PolicySummary> rows) {
    PolicySummary ours = find(rows, OURS);
    PolicySummary reference = find(rows, REFERENCE_B);
    PolicySummary progressive = find(rows, "progressive");
    if (ours == null || reference == null) {
      return;
    }
    double gap = reference.talkOccupancy() - ours.talkOccupancy();
    double capture =
        progressive == null
            ? Double.NaN
            : (ours.talkOccupancy() - progressive.talkOccupancy())
                / (reference.talkOccupancy() - progressive.talkOccupancy());
    out.printf(
        Locale.ROOT,
        "%nGap to the look-ahead reference (occ ref B − occ ours): %+.1f points (ours %.1f%%, ref B"
            + " %.1f%%); capture of the progressive → ref B gain %.0f%%; target: gap ≤ 1.5 points"
            + " — %s.%n",
        100 * gap,
        100 * ours.talkOccupancy(),
        100 * reference.talkOccupancy(),
        100 * capture,
        gap <= 0.015 ? "met" : "NOT met");
  }

  /** The name of our policy's row. */
  static final String OURS = "predictive (ours)";

  /** The name prefix of the look-ahead reference's row. */
  static final String REFERENCE_B = "look-ahead reference (offline-tuned)";

  private static PolicySummary find(List<PolicySummary> rows, String prefix) {
    for (PolicySummary row : rows) {
      if (row.policy().startsWith(prefix)) {
        return row;
      }
    }
    return null;
  }
}
