package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialer.campaign.CallingWindow;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignMode;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.CampaignStatus;
import io.switchboard.dialer.campaign.CampaignTarget;
import io.switchboard.dialer.campaign.RetryRule;
import io.switchboard.dialer.campaign.RetryRules;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.LeadAttempt;
import io.switchboard.dialer.pacing.AbandonAccounting;
import io.switchboard.dialer.persistence.StoredFigures;
import io.switchboard.dialer.persistence.StoredFigures.AttemptCounts;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The live figures' arithmetic, and the tally of stored counts plus recorded attempts. */
class CampaignFiguresTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 23:59:00 in Shanghai on 12 March 2025. */
  private static final Instant LATE = Instant.parse("2025-03-12T15:59:00Z");

  @Test
  void usRatesAreAbandonedOverLiveAnswersTodayAndOverThirtyDays() {
    CampaignFigures figures =
        CampaignFigures.of(
            campaign(AbandonAccounting.US, false, 0.0),
            true,
            new AttemptCounts(40, 20, 1),
            new AttemptCounts(100, 50, 9),
            new AttemptCounts(400, 200, 5),
            6,
            new CampaignFigures.AgentCounts(1, 2, 1, 3),
            75);

    JsonObject json = figures.toJson();
    assertThat(json.getDouble("abandonRateToday")).isEqualTo(0.05);
    assertThat(json.getJsonObject("window").getInteger("hours")).isEqualTo(720);
    assertThat(json.getJsonObject("window").getLong("liveAnswers")).isEqualTo(200);
    assertThat(json.getJsonObject("window").getDouble("abandonRate")).isEqualTo(0.025);
    assertThat(json.getJsonObject("window").getDouble("falsePositivesEstimated")).isZero();
    // 6 calls for the 4 agents who are not paused.
    assertThat(json.getDouble("dialLevel")).isEqualTo(1.5);
    assertThat(json.getJsonObject("agents").getInteger("loggedIn")).isEqualTo(7);
    assertThat(json.getLong("leadsLeft")).isEqualTo(75);
  }

  @Test
  void ukRatesCountTheEstimatedAmdFalsePositivesOverTwentyFourHours() {
    CampaignFigures figures =
        CampaignFigures.of(
            campaign(AbandonAccounting.UK, true, 0.02),
            true,
            new AttemptCounts(40, 20, 0),
            new AttemptCounts(100, 50, 1),
            new AttemptCounts(400, 200, 5),
            0,
            new CampaignFigures.AgentCounts(0, 0, 0, 2),
            0);

    JsonObject window = figures.toJson().getJsonObject("window");
    assertThat(window.getString("accounting")).isEqualTo("uk");
    assertThat(window.getInteger("hours")).isEqualTo(24);
    assertThat(window.getDouble("falsePositivesEstimated")).isEqualTo(1.0);
    // (1 abandoned + 0.02 x 50 false positives) / 50 live answers.
    assertThat(window.getDouble("abandonRate")).isEqualTo(0.04);
    assertThat(figures.abandonRateToday()).isZero();
    assertThat(figures.dialLevel()).as("every agent is paused").isNull();
  }

  @Test
  void ratesAreNullWithoutALiveAnswerAndAStoredCampaignHasNoLiveParts() {
    CampaignFigures figures =
        CampaignFigures.of(
            campaign(AbandonAccounting.US, false, 0.0),
            false,
            new AttemptCounts(3, 0, 0),
            AttemptCounts.ZERO,
            new AttemptCounts(3, 0, 0),
            null,
            null,
            10);

    JsonObject json = figures.toJson();
    assertThat(json.getValue("abandonRateToday")).isNull();
    assertThat(json.getJsonObject("window").getValue("abandonRate")).isNull();
    assertThat(json.getValue("dialLevel")).isNull();
    assertThat(json.getValue("agents")).isNull();
    assertThat(json.getBoolean("running")).isFalse();
  }

  @Test
  void theTallyAddsRecordedAttemptsToTheStoredCountsOnceAndRestartsTodayAtMidnight() {
    CampaignTally tally = new CampaignTally(SHANGHAI);
    tally.recorded(attempt(9, AttemptOutcome.ANSWERED, LATE.minusSeconds(30)));
    tally.loaded(
        new StoredFigures(
            LATE.minusSeconds(10),
            LocalDate.of(2025, 3, 12),
            10,
            new AttemptCounts(5, 3, 1),
            new AttemptCounts(8, 4, 1),
            new AttemptCounts(20, 10, 2),
            7));
    // Id 10 was in the read: not counted again; 11 and 12 are new.
    tally.recorded(attempt(10, AttemptOutcome.ABANDONED, LATE.minusSeconds(5)));
    tally.recorded(attempt(11, AttemptOutcome.ABANDONED, LATE));
    tally.recorded(attempt(12, AttemptOutcome.BUSY, LATE.plusSeconds(120)));

    assertThat(tally.today(LATE.plusSeconds(30))).isEqualTo(new AttemptCounts(6, 4, 2));
    assertThat(tally.last24Hours()).isEqualTo(new AttemptCounts(10, 5, 2));
    assertThat(tally.last30Days()).isEqualTo(new AttemptCounts(22, 11, 3));
    assertThat(tally.leadsLeft()).isEqualTo(7);
    // After midnight in Shanghai only the busy attempt at 00:01 is today's.
    assertThat(tally.today(LATE.plusSeconds(180))).isEqualTo(new AttemptCounts(1, 0, 0));

    tally.loaded(
        new StoredFigures(
            LATE.plusSeconds(200),
            LocalDate.of(2025, 3, 13),
            12,
            new AttemptCounts(1, 0, 0),
            new AttemptCounts(10, 5, 2),
            new AttemptCounts(22, 11, 3),
            6));
    assertThat(tally.today(LATE.plusSeconds(210))).isEqualTo(new AttemptCounts(1, 0, 0));
    assertThat(tally.last30Days()).isEqualTo(new AttemptCounts(22, 11, 3));
  }

  private static LeadAttempt attempt(long id, AttemptOutcome outcome, Instant ended) {
    return new LeadAttempt(
        id, 1, 1, 1, ended.minusSeconds(20), null, null, ended, outcome, null, "", null);
  }

  private static Campaign campaign(AbandonAccounting accounting, boolean amd, double fp) {
    CampaignSettings settings =
        new CampaignSettings(
            "Spring offer",
            CampaignMode.PREDICTIVE,
            CampaignTarget.queue("sales"),
            "+12125550100",
            new CallingWindow(
                LocalTime.of(9, 0),
                LocalTime.of(21, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
            new RetryRules(
                new RetryRule(10, 3),
                new RetryRule(60, 4),
                new RetryRule(30, 2),
                new RetryRule(30, 2)),
            6,
            20,
            0.03,
            accounting,
            "abandon-notice",
            amd,
            fp);
    return new Campaign(7, settings, CampaignStatus.RUNNING, 1, null, LATE, LATE);
  }
}
