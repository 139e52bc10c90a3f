package io.switchboard.dialer.simulation;

import java.util.List;

/**
 * Abandon rates over the windows of reference section 4.8, with the seeded days read as one
 * campaign's consecutive 8 h shifts (09:00 to 17:00, nothing dialed in the 16 h between): the
 * rolling 24 h window (Ofcom) and the whole-sequence campaign window (FCC, 30 days when 30 days are
 * run). A rolling 24 h window that starts inside a shift covers the rest of that shift and the same
 * part of the next morning, so its rate can exceed both days' own rates; a window that starts
 * between shifts covers exactly one shift. Each day still starts cold (fresh policy). Stateless;
 * thread-safe.
 *
 * @param campaignUs total abandoned people / total live answers over all days
 * @param campaignUk the same with AMD false positives added to the numerator
 * @param rolling24Us the worst rolling 24 h window, US accounting
 * @param rolling24Uk the worst rolling 24 h window, UK accounting
 */
public record CampaignWindows(
    double campaignUs, double campaignUk, double rolling24Us, double rolling24Uk) {

  /** Computes the windows over days given in seed order. */
  public static CampaignWindows of(List<DayResult> days) {
    long live = 0;
    long abandoned = 0;
    long fp = 0;
    for (DayResult d : days) {
      live += d.liveAnswered();
      abandoned += d.abandonedLive();
      fp += d.falsePositives();
    }
    double rollingUs = 0;
    double rollingUk = 0;
    for (int i = 0; i < days.size(); i++) {
      rollingUs = Math.max(rollingUs, days.get(i).abandonRateUs());
      rollingUk = Math.max(rollingUk, days.get(i).abandonRateUk());
      if (i + 1 < days.size()) {
        double[] straddle = worstStraddle(days.get(i).minutes(), days.get(i + 1).minutes());
        rollingUs = Math.max(rollingUs, straddle[0]);
        rollingUk = Math.max(rollingUk, straddle[1]);
      }
    }
    return new CampaignWindows(
        live == 0 ? 0 : (double) abandoned / live,
        live == 0 ? 0 : (double) (abandoned + fp) / live,
        rollingUs,
        rollingUk);
  }

  /** Worst US and UK rate over windows from minute s of one shift to minute s of the next. */
  static double[] worstStraddle(DayResult.MinuteCounts today, DayResult.MinuteCounts tomorrow) {
    int minutes = today.live().length;
    long[] tailLive = new long[minutes + 1];
    long[] tailAbandoned = new long[minutes + 1];
    long[] tailFp = new long[minutes + 1];
    for (int m = minutes - 1; m >= 0; m--) {
      tailLive[m] = tailLive[m + 1] + today.live()[m];
      tailAbandoned[m] = tailAbandoned[m + 1] + today.abandoned()[m];
      tailFp[m] = tailFp[m + 1] + today.falsePositives()[m];
    }
    double worstUs = 0;
    double worstUk = 0;
    long headLive = 0;
    long headAbandoned = 0;
    long headFp = 0;
    for (int s = 1; s < minutes; s++) {
      headLive += tomorrow.live()[s - 1];
      headAbandoned += tomorrow.abandoned()[s - 1];
      headFp += tomorrow.falsePositives()[s - 1];
      long windowLive = tailLive[s] + headLive;
      if (windowLive == 0) {
        continue;
      }
      long windowAbandoned = tailAbandoned[s] + headAbandoned;
      worstUs = Math.max(worstUs, (double) windowAbandoned / windowLive);
      worstUk = Math.max(worstUk, (double) (windowAbandoned + tailFp[s] + headFp) / windowLive);
    }
    return new double[] {worstUs, worstUk};
  }
}
