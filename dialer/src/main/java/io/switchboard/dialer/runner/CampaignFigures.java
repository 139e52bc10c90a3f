package io.switchboard.dialer.runner;

import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.pacing.AbandonAccounting;
import io.switchboard.dialer.persistence.StoredFigures.AttemptCounts;
import io.vertx.core.json.JsonObject;

/**
 * One campaign's live figures as supervisors see them. Pure arithmetic over counts (no I/O, no
 * clock); immutable.
 *
 * <ul>
 *   <li>{@code today}: attempts that ended today (the node's local day), live answers among them
 *       (ended {@code answered} or {@code abandoned}: a person reached the queue and an agent took
 *       the call or none did within the grace) and abandoned ones; rate = abandoned / live.
 *   <li>{@code window}: the same over the campaign's accounting window: US (FCC) the last 30 days,
 *       rate = abandoned / live; UK (Ofcom) the last 24 h, rate = (abandoned + estimated AMD false
 *       positives) / live, the estimate being the campaign's {@code falsePositiveEstimate} x live
 *       answers when AMD is on (as the pacing library charges it to the budget).
 *   <li>{@code dialLevel}: calls in progress / agents of the queue who are not paused (ready, on a
 *       call or in wrap-up); null without such an agent.
 * </ul>
 *
 * @param running whether the runner holds the campaign (false: read from PostgreSQL alone, with no
 *     calls, agents or dial level)
 */
public record CampaignFigures(
    long campaignId,
    String name,
    String mode,
    String queue,
    String status,
    boolean running,
    AttemptCounts today,
    AttemptCounts window,
    String accounting,
    int windowHours,
    double windowFalsePositives,
    double abandonRateTarget,
    Integer callsInProgress,
    AgentCounts agents,
    long leadsLeft) {

  /** Agents logged in to the campaign's queue, by state. */
  public record AgentCounts(int ready, int onCall, int wrapUp, int paused) {

    /** Agents who are not paused: those the calls are paced for. */
    public int working() {
      return ready + onCall + wrapUp;
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("ready", ready)
          .put("onCall", onCall)
          .put("wrapUp", wrapUp)
          .put("paused", paused)
          .put("loggedIn", working() + paused);
    }
  }

  /**
   * The figures of a campaign from its counts; {@code callsInProgress} and {@code agents} null when
   * not running.
   */
  public static CampaignFigures of(
      Campaign campaign,
      boolean running,
      AttemptCounts today,
      AttemptCounts last24Hours,
      AttemptCounts last30Days,
      Integer callsInProgress,
      AgentCounts agents,
      long leadsLeft) {
    CampaignSettings settings = campaign.settings();
    boolean uk = settings.accounting() == AbandonAccounting.UK;
    AttemptCounts window = uk ? last24Hours : last30Days;
    double falsePositives =
        uk && settings.amdEnabled()
            ? settings.amdFalsePositiveEstimate() * window.liveAnswers()
            : 0.0;
    return new CampaignFigures(
        campaign.id(),
        settings.name(),
        settings.mode().name().toLowerCase(java.util.Locale.ROOT),
        settings.target().name(),
        campaign.status().wireName(),
        running,
        today,
        window,
        uk ? "uk" : "us",
        uk ? 24 : 30 * 24,
        falsePositives,
        settings.abandonRateTarget(),
        callsInProgress,
        agents,
        leadsLeft);
  }

  /** Abandoned / live answers today; null without a live answer. */
  public Double abandonRateToday() {
    return rate(today.abandoned(), today.liveAnswers());
  }

  /** The window's rate under the campaign's accounting; null without a live answer. */
  public Double windowAbandonRate() {
    return rate(window.abandoned() + windowFalsePositives, window.liveAnswers());
  }

  /** Calls in progress per agent who is not paused; null when not running or no such agent. */
  public Double dialLevel() {
    if (callsInProgress == null || agents == null || agents.working() == 0) {
      return null;
    }
    return round((double) callsInProgress / agents.working(), 100);
  }

  private static Double rate(double abandoned, long live) {
    return live == 0 ? null : round(abandoned / live, 10_000);
  }

  private static double round(double value, int scale) {
    return Math.round(value * scale) / (double) scale;
  }

  /** The JSON pushed in {@code dialer.campaigns.update} and answered by the figures route. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("campaignId", campaignId)
        .put("name", name)
        .put("mode", mode)
        .put("queue", queue)
        .put("status", status)
        .put("running", running)
        .put("dialsToday", today.dials())
        .put("liveAnswersToday", today.liveAnswers())
        .put("abandonedToday", today.abandoned())
        .put("abandonRateToday", abandonRateToday())
        .put(
            "window",
            new JsonObject()
                .put("accounting", accounting)
                .put("hours", windowHours)
                .put("dials", window.dials())
                .put("liveAnswers", window.liveAnswers())
                .put("abandoned", window.abandoned())
                .put("falsePositivesEstimated", round(windowFalsePositives, 100))
                .put("abandonRate", windowAbandonRate())
                .put("target", abandonRateTarget))
        .put("dialLevel", dialLevel())
        .put("callsInProgress", callsInProgress)
        .put("agents", agents == null ? null : agents.toJson())
        .put("leadsLeft", leadsLeft);
  }
}
