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
            + " gap to ceiling |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (PolicySummary r : rows) {
      out.printf(
          Locale.ROOT,
          "| %s | %.1f%% ±%.1f | %.1f%% | %.2f%% | %.2f%% | %d | %.2f%% | %d | %.0f / %.0f / %.0f |"
              + " %.1f | %.2f | %.2f | %.1f |%n",
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
          100 * r.gapToCeiling());
    }
    out.printf(
        Locale.ROOT,
        "| ceiling (perfect foresight) | %.1f%% | | 0 | 0 | 0 | 0 | 0 | 0 | %.1f | | 0 | 0 |%n",
        100 * scenario.ceilingOccupancy(),
        scenario.ceilingConversationsPerHour());
  }
}
