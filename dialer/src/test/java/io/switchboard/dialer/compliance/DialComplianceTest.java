package io.switchboard.dialer.compliance;

import static io.switchboard.dialer.compliance.ComplianceFixtures.WEDNESDAY_1400_UTC;
import static io.switchboard.dialer.compliance.ComplianceFixtures.afterAttempts;
import static io.switchboard.dialer.compliance.ComplianceFixtures.asCallback;
import static io.switchboard.dialer.compliance.ComplianceFixtures.campaign;
import static io.switchboard.dialer.compliance.ComplianceFixtures.lead;
import static io.switchboard.dialer.compliance.ComplianceFixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialer.campaign.CallingWindow;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinalState;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.NumberTimeZones;
import io.switchboard.dialer.lead.OutcomeCounts;
import io.switchboard.dialer.pacing.AbandonAccounting;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialComplianceTest {

  private static final NumberTimeZones ZONES = new NumberTimeZones();
  private static final String NEW_YORK_NUMBER = "+12125551234";
  private static final String LOS_ANGELES_NUMBER = "+14155550123";
  private static final String AUSTRALIAN_MOBILE = "+61412345678";

  private final CampaignSettings us = campaign(AbandonAccounting.US);

  private static DialCompliance at(Instant now) {
    return new DialCompliance(Clock.fixed(now, ZoneOffset.UTC), ZONES);
  }

  @Test
  void aLeadInsideItsWindowMayBeDialled() {
    DialDecision decision = at(WEDNESDAY_1400_UTC).check(us, plain(lead(NEW_YORK_NUMBER, null)));

    assertThat(decision.mayDial()).isTrue();
  }

  @Test
  void aLeadOutsideTheWindowInItsOwnZoneIsRefusedUntilItOpensThere() {
    // A New York number whose lead says the callee lives in Shanghai: 10:00 in New York, 22:00
    // in Shanghai. The lead's own zone decides.
    Lead lead = lead(NEW_YORK_NUMBER, ZoneId.of("Asia/Shanghai"));

    DialDecision decision = at(WEDNESDAY_1400_UTC).check(us, plain(lead));

    assertThat(decision.mayDial()).isFalse();
    assertThat(decision.reason()).isEqualTo(SkipReason.OUTSIDE_WINDOW);
    assertThat(decision.until()).isEqualTo(Instant.parse("2025-03-13T01:00:00Z"));
    assertThat(decision.detail()).contains("Asia/Shanghai").contains("Wed 2025-03-12 22:00");
    assertThat(decision.finalState()).isNull();
  }

  @Test
  void withoutAZoneOnTheLeadTheNumbersZoneFromLibphonenumberDecides() {
    DialDecision decision = at(WEDNESDAY_1400_UTC).check(us, plain(lead(LOS_ANGELES_NUMBER, null)));

    assertThat(decision.reason()).isEqualTo(SkipReason.OUTSIDE_WINDOW);
    assertThat(decision.until()).isEqualTo(Instant.parse("2025-03-12T16:00:00Z"));
    assertThat(decision.detail()).contains("America/Los_Angeles");
  }

  @Test
  void aNumberWithSeveralZonesIsDialledOnlyWhileTheWindowIsOpenInAllOfThem() {
    // 10:00 on Wednesday in Sydney, but 05:30 on the Cocos Islands, which share the mobile range.
    Instant sydneyMorning = Instant.parse("2025-03-11T23:00:00Z");
    assertThat(ZONES.zonesOf(AUSTRALIAN_MOBILE)).hasSizeGreaterThan(2);

    DialDecision decision = at(sydneyMorning).check(us, plain(lead(AUSTRALIAN_MOBILE, null)));

    assertThat(decision.reason()).isEqualTo(SkipReason.OUTSIDE_WINDOW);
    assertThat(decision.detail()).contains("most restrictive").contains("Indian/Cocos");
    // 09:00 on the Cocos Islands (UTC+6:30), 13:30 on Lord Howe: open everywhere.
    assertThat(decision.until()).isEqualTo(Instant.parse("2025-03-12T02:30:00Z"));
    assertThat(at(decision.until()).check(us, plain(lead(AUSTRALIAN_MOBILE, null))).mayDial())
        .isTrue();
  }

  @Test
  void zonesThatNeverShareTheWindowAreRefusedAndLookedAtAgainInADay() {
    CampaignSettings narrow =
        withWindow(
            new CallingWindow(
                LocalTime.of(9, 0), LocalTime.of(11, 0), EnumSet.allOf(DayOfWeek.class)));
    // Russian mobiles span Kaliningrad to Kamchatka, ten hours apart.
    DialDecision decision = at(WEDNESDAY_1400_UTC).check(narrow, plain(lead("+79161234567", null)));

    assertThat(decision.reason()).isEqualTo(SkipReason.NO_COMMON_WINDOW);
    assertThat(decision.until()).isEqualTo(WEDNESDAY_1400_UTC.plus(Duration.ofHours(24)));
  }

  @Test
  void aDayOutsideTheWindowsDaysWaitsForTheNextDayInIt() {
    Instant saturdayMorningInNewYork = Instant.parse("2025-03-15T15:00:00Z");

    DialDecision decision =
        at(saturdayMorningInNewYork).check(us, plain(lead(NEW_YORK_NUMBER, null)));

    assertThat(decision.reason()).isEqualTo(SkipReason.OUTSIDE_WINDOW);
    assertThat(decision.until()).isEqualTo(Instant.parse("2025-03-17T13:00:00Z"));
  }

  @Test
  void aNumberWithoutAnyKnownZoneIsRefusedForADay() {
    DialDecision decision = at(WEDNESDAY_1400_UTC).check(us, plain(lead("+80012345678", null)));

    assertThat(decision.reason()).isEqualTo(SkipReason.UNKNOWN_TIME_ZONE);
    assertThat(decision.until()).isEqualTo(WEDNESDAY_1400_UTC.plus(Duration.ofHours(24)));
  }

  @Test
  void aNumberOnTheDoNotCallListIsNeverDialledAndTheLeadIsFinished() {
    Lead lead = lead(NEW_YORK_NUMBER, null);

    DialDecision decision =
        at(WEDNESDAY_1400_UTC)
            .check(us, new DialCandidate(lead, "asked on the phone", false, List.of()));

    assertThat(decision.mayDial()).isFalse();
    assertThat(decision.reason()).isEqualTo(SkipReason.DO_NOT_CALL);
    assertThat(decision.until()).isNull();
    assertThat(decision.finalState()).isEqualTo(FinalState.DO_NOT_CALL);
    assertThat(decision.detail()).contains("asked on the phone");
  }

  @Test
  void anExcludedNumberIsNeverDialled() {
    DialDecision decision =
        at(WEDNESDAY_1400_UTC)
            .check(us, new DialCandidate(lead(NEW_YORK_NUMBER, null), null, true, List.of()));

    assertThat(decision.reason()).isEqualTo(SkipReason.EXCLUDED);
    assertThat(decision.finalState()).isEqualTo(FinalState.EXCLUDED);
  }

  @Test
  void theDoNotCallListWinsOverEverythingElse() {
    Lead locked = lead(NEW_YORK_NUMBER, ZoneId.of("Asia/Shanghai"));
    RecallLock lock =
        RecallLock.of(RecallLockKind.ABANDONED, WEDNESDAY_1400_UTC.minus(Duration.ofHours(1)));

    DialDecision decision =
        at(WEDNESDAY_1400_UTC).check(us, new DialCandidate(locked, "", true, List.of(lock)));

    assertThat(decision.reason()).isEqualTo(SkipReason.DO_NOT_CALL);
  }

  @Test
  void anAbandonedCallLocksTheNumberFor72Hours() {
    Instant abandoned = WEDNESDAY_1400_UTC.minus(Duration.ofHours(71));
    DialCandidate candidate =
        new DialCandidate(
            lead(NEW_YORK_NUMBER, null),
            null,
            false,
            List.of(RecallLock.of(RecallLockKind.ABANDONED, abandoned)));

    DialDecision decision = at(WEDNESDAY_1400_UTC).check(us, candidate);

    assertThat(decision.reason()).isEqualTo(SkipReason.RECALL_LOCK_ABANDONED);
    assertThat(decision.until()).isEqualTo(abandoned.plus(Duration.ofHours(72)));
    assertThat(at(abandoned.plus(Duration.ofHours(72))).check(us, candidate).mayDial()).isTrue();
  }

  @Test
  void anAmdMachineVerdictLocksTheNumberFor24Hours() {
    Instant machine = WEDNESDAY_1400_UTC.minus(Duration.ofHours(23));
    DialCandidate candidate =
        new DialCandidate(
            lead(NEW_YORK_NUMBER, null),
            null,
            false,
            List.of(RecallLock.of(RecallLockKind.AMD_MACHINE, machine)));

    DialDecision locked = at(WEDNESDAY_1400_UTC).check(us, candidate);
    DialDecision later = at(machine.plus(Duration.ofHours(25))).check(us, candidate);

    assertThat(locked.reason()).isEqualTo(SkipReason.RECALL_LOCK_MACHINE);
    assertThat(locked.until()).isEqualTo(machine.plus(Duration.ofHours(24)));
    assertThat(later.mayDial()).isTrue();
  }

  @Test
  void onlyUkAccountingLocksANumberAfterAnAmdMachineVerdict() {
    Instant ended = WEDNESDAY_1400_UTC;

    List<RecallLock> us =
        AttemptFollowUp.locksAfter(
            AttemptOutcome.MACHINE,
            io.switchboard.dialer.lead.AmdVerdict.MACHINE,
            AbandonAccounting.US,
            ended);
    List<RecallLock> uk =
        AttemptFollowUp.locksAfter(
            AttemptOutcome.MACHINE,
            io.switchboard.dialer.lead.AmdVerdict.MACHINE,
            AbandonAccounting.UK,
            ended);

    assertThat(us).isEmpty();
    assertThat(uk).containsExactly(RecallLock.of(RecallLockKind.AMD_MACHINE, ended));
    assertThat(uk.get(0).lockedUntil()).isEqualTo(ended.plus(Duration.ofHours(24)));
  }

  @Test
  void anAbandonedCallLocksItsNumberFor72HoursUnderEitherAccounting() {
    for (AbandonAccounting accounting : AbandonAccounting.values()) {
      assertThat(
              AttemptFollowUp.locksAfter(
                  AttemptOutcome.ABANDONED,
                  io.switchboard.dialer.lead.AmdVerdict.HUMAN,
                  accounting,
                  WEDNESDAY_1400_UTC))
          .as(accounting.name())
          .containsExactly(RecallLock.of(RecallLockKind.ABANDONED, WEDNESDAY_1400_UTC));
    }
  }

  @Test
  void aLeadThatUsedTheCampaignsAttemptsIsFinished() {
    Lead used =
        afterAttempts(
            lead(NEW_YORK_NUMBER, null),
            6,
            new OutcomeCounts(2, 3, 1, 0, 0),
            AttemptOutcome.NO_ANSWER,
            WEDNESDAY_1400_UTC.minus(Duration.ofDays(2)));

    DialDecision decision = at(WEDNESDAY_1400_UTC).check(us, plain(used));

    assertThat(decision.reason()).isEqualTo(SkipReason.MAX_ATTEMPTS);
    assertThat(decision.finalState()).isEqualTo(FinalState.MAX_ATTEMPTS);
    assertThat(decision.detail()).contains("6 attempts");
  }

  @Test
  void aLeadThatReachedAnOutcomesLimitIsFinished() {
    Lead busy =
        afterAttempts(
            lead(NEW_YORK_NUMBER, null),
            3,
            new OutcomeCounts(3, 0, 0, 0, 0),
            AttemptOutcome.BUSY,
            WEDNESDAY_1400_UTC.minus(Duration.ofDays(1)));

    DialDecision decision = at(WEDNESDAY_1400_UTC).check(us, plain(busy));

    assertThat(decision.reason()).isEqualTo(SkipReason.MAX_ATTEMPTS);
    assertThat(decision.detail()).contains("3 attempts ended busy");
  }

  @Test
  void theRetryDelayOfTheLastOutcomeMustPass() {
    Instant lastBusy = WEDNESDAY_1400_UTC.minus(Duration.ofMinutes(5));
    Lead busy =
        afterAttempts(
            lead(NEW_YORK_NUMBER, null),
            1,
            new OutcomeCounts(1, 0, 0, 0, 0),
            AttemptOutcome.BUSY,
            lastBusy);

    DialDecision early = at(WEDNESDAY_1400_UTC).check(us, plain(busy));
    DialDecision onTime = at(lastBusy.plus(Duration.ofMinutes(10))).check(us, plain(busy));
    DialDecision callback = at(WEDNESDAY_1400_UTC).check(us, plain(asCallback(busy)));

    assertThat(early.reason()).isEqualTo(SkipReason.RETRY_DELAY);
    assertThat(early.until()).isEqualTo(lastBusy.plus(Duration.ofMinutes(10)));
    assertThat(onTime.mayDial()).isTrue();
    assertThat(callback.mayDial()).as("a callback the callee asked for").isTrue();
  }

  private CampaignSettings withWindow(CallingWindow window) {
    return new CampaignSettings(
        us.name(),
        us.mode(),
        us.target(),
        us.callerId(),
        window,
        us.retryRules(),
        us.maxAttempts(),
        us.ringLimitSeconds(),
        us.abandonRateTarget(),
        us.accounting(),
        us.abandonMessage(),
        us.amdEnabled(),
        us.amdFalsePositiveEstimate());
  }
}
