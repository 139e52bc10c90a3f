package io.switchboard.dialer.compliance;

import io.switchboard.dialer.campaign.CallingWindow;
import io.switchboard.dialer.campaign.CampaignMode;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.CampaignTarget;
import io.switchboard.dialer.campaign.RetryRule;
import io.switchboard.dialer.campaign.RetryRules;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadStatus;
import io.switchboard.dialer.lead.OutcomeCounts;
import io.switchboard.dialer.pacing.AbandonAccounting;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Hand-made campaigns and leads for the compliance tests. */
final class ComplianceFixtures {

  /** Wednesday 12 March 2025, 14:00 UTC: 10:00 in New York (EDT), 22:00 in Shanghai. */
  static final Instant WEDNESDAY_1400_UTC = Instant.parse("2025-03-12T14:00:00Z");

  /** 09:00-21:00 Monday to Friday; busy 10 min / 3, no answer 60 min / 4, others 30 min / 2. */
  static final CallingWindow WEEKDAYS_9_TO_21 =
      new CallingWindow(
          LocalTime.of(9, 0),
          LocalTime.of(21, 0),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  private ComplianceFixtures() {}

  static CampaignSettings campaign(AbandonAccounting accounting) {
    return new CampaignSettings(
        "Spring offer",
        CampaignMode.PREDICTIVE,
        CampaignTarget.queue("sales"),
        "+12125550100",
        WEEKDAYS_9_TO_21,
        new RetryRules(
            new RetryRule(10, 3), new RetryRule(60, 4), new RetryRule(30, 2), new RetryRule(30, 2)),
        6,
        20,
        0.03,
        accounting,
        "abandon-notice",
        true,
        0.0);
  }

  static Lead lead(String e164, ZoneId zone) {
    return new Lead(
        1,
        1,
        1,
        e164,
        "",
        null,
        Optional.ofNullable(zone),
        null,
        LeadStatus.READY,
        null,
        0,
        OutcomeCounts.NONE,
        null,
        null,
        Instant.parse("2025-03-01T00:00:00Z"),
        false,
        Instant.parse("2025-03-01T00:00:00Z"));
  }

  /** The same lead after attempts, the last ending at {@code lastAt} with {@code last}. */
  static Lead afterAttempts(
      Lead lead, int attempts, OutcomeCounts counts, AttemptOutcome last, Instant lastAt) {
    return new Lead(
        lead.id(),
        lead.campaignId(),
        lead.listId(),
        lead.e164(),
        lead.name(),
        lead.externalId(),
        lead.timeZone(),
        lead.customerId(),
        lead.status(),
        lead.finalState(),
        attempts,
        counts,
        last,
        lastAt,
        lead.nextAttemptAt(),
        lead.callback(),
        lead.createdAt());
  }

  /** The same lead as a callback the callee asked for. */
  static Lead asCallback(Lead lead) {
    return new Lead(
        lead.id(),
        lead.campaignId(),
        lead.listId(),
        lead.e164(),
        lead.name(),
        lead.externalId(),
        lead.timeZone(),
        lead.customerId(),
        lead.status(),
        lead.finalState(),
        lead.attempts(),
        lead.outcomes(),
        lead.lastOutcome(),
        lead.lastAttemptAt(),
        lead.nextAttemptAt(),
        true,
        lead.createdAt());
  }

  static DialCandidate plain(Lead lead) {
    return new DialCandidate(lead, null, false, List.of());
  }
}
