package io.switchboard.dialer.simulation;

import java.util.Arrays;
import java.util.List;

/**
 * One policy's figures in one scenario over many seeded days. Immutable.
 *
 * @param policy the policy's name
 * @param days how many days
 * @param talkOccupancy mean talk occupancy
 * @param talkOccupancyCi half-width of its 95 % confidence interval
 * @param busyOccupancy mean busy occupancy
 * @param abandonUsMean mean daily US abandon rate
 * @param abandonUsMax worst day, US
 * @param daysOverUs days over 3 %, US
 * @param abandonUkMax worst day, UK accounting
 * @param daysOverUk days over 3 %, UK accounting
 * @param ofcomEstimateMax worst day of VICIdial's Ofcom estimate
 * @param waitMean mean agent idle seconds before a conversation
 * @param waitP50 median of the same
 * @param waitP95 95th percentile of the same
 * @param conversationsPerAgentHour conversations with people per available agent-hour
 * @param dialsPerConversation dials per conversation
 * @param readyToBridgeP95 95th percentile of ready-to-bridge seconds of connected people
 * @param gapToCeiling ceiling talk occupancy minus this policy's
 * @param windows the rolling 24 h and whole-sequence campaign windows, days read as consecutive
 *     shifts
 */
public record PolicySummary(
    String policy,
    int days,
    double talkOccupancy,
    double talkOccupancyCi,
    double busyOccupancy,
    double abandonUsMean,
    double abandonUsMax,
    int daysOverUs,
    double abandonUkMax,
    int daysOverUk,
    double ofcomEstimateMax,
    double waitMean,
    double waitP50,
    double waitP95,
    double conversationsPerAgentHour,
    double dialsPerConversation,
    double readyToBridgeP95,
    double gapToCeiling,
    CampaignWindows windows) {

  /** The daily abandon limit the figures are checked against. */
  public static final double LIMIT = 0.03;

  /** Summarizes the days of one policy. */
  public static PolicySummary of(String policy, List<DayResult> days, double ceiling) {
    int n = days.size();
    double occ = days.stream().mapToDouble(DayResult::talkOccupancy).average().orElse(0);
    double var =
        days.stream().mapToDouble(d -> Math.pow(d.talkOccupancy() - occ, 2)).sum()
            / Math.max(1, n - 1);
    double ci = n > 1 ? 1.96 * Math.sqrt(var / n) : 0;
    double conversations = days.stream().mapToLong(DayResult::conversations).sum();
    double hours = days.stream().mapToDouble(DayResult::agentHours).sum();
    double dials = days.stream().mapToLong(DayResult::dials).sum();
    double[] waits = days.stream().flatMapToDouble(d -> Arrays.stream(d.waits())).toArray();
    double[] bridge =
        days.stream().flatMapToDouble(d -> Arrays.stream(d.readyToBridge())).toArray();
    Arrays.sort(waits);
    Arrays.sort(bridge);
    return new PolicySummary(
        policy,
        n,
        occ,
        ci,
        days.stream().mapToDouble(DayResult::busyOccupancy).average().orElse(0),
        days.stream().mapToDouble(DayResult::abandonRateUs).average().orElse(0),
        days.stream().mapToDouble(DayResult::abandonRateUs).max().orElse(0),
        (int) days.stream().filter(d -> d.abandonRateUs() > LIMIT).count(),
        days.stream().mapToDouble(DayResult::abandonRateUk).max().orElse(0),
        (int) days.stream().filter(d -> d.abandonRateUk() > LIMIT).count(),
        days.stream().mapToDouble(DayResult::ofcomEstimate).max().orElse(0),
        Arrays.stream(waits).average().orElse(0),
        percentile(waits, 0.50),
        percentile(waits, 0.95),
        hours == 0 ? 0 : conversations / hours,
        conversations == 0 ? 0 : dials / conversations,
        percentile(bridge, 0.95),
        ceiling - occ,
        CampaignWindows.of(days));
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }
}
