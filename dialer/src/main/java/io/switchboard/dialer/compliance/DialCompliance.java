package io.switchboard.dialer.compliance;

import io.switchboard.dialer.campaign.CallingWindow;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.RetryRule;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.NumberTimeZones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides before every dial whether a lead may be dialled now, and if not why and until when. The
 * checks, in order (the first refusal wins, the lasting ones first):
 *
 * <ol>
 *   <li>the CRM do-not-call list, then the campaign's exclusions (the lead is finished);
 *   <li>the campaign's attempt limits, overall and per outcome (the lead is finished);
 *   <li>re-call locks on the number: 72 h after an abandoned call, 24 h after an AMD machine
 *       verdict in UK mode;
 *   <li>the retry delay after the last attempt's outcome (not for a callback the callee asked for);
 *   <li>the calling window in the callee's local time: the lead's zone, else the number's zones
 *       from libphonenumber, and with several zones the most restrictive (open in all of them).
 * </ol>
 *
 * Pure: the clock is injected and nothing is read or written here. Thread-safe.
 */
public final class DialCompliance {

  /** How long a lead whose window cannot be worked out waits before it is looked at again. */
  public static final Duration RECHECK_AFTER = Duration.ofHours(24);

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

  private final Clock clock;
  private final NumberTimeZones numberZones;

  public DialCompliance(Clock clock, NumberTimeZones numberZones) {
    this.clock = clock;
    this.numberZones = numberZones;
  }

  /** Whether {@code candidate} may be dialled now for {@code campaign}. */
  public DialDecision check(CampaignSettings campaign, DialCandidate candidate) {
    Instant now = clock.instant();
    Lead lead = candidate.lead();
    if (candidate.doNotCallReason() != null) {
      return DialDecision.refusedForGood(
          SkipReason.DO_NOT_CALL,
          lead.e164()
              + " is on the do-not-call list"
              + (candidate.doNotCallReason().isBlank() ? "" : ": " + candidate.doNotCallReason()));
    }
    if (candidate.excluded()) {
      return DialDecision.refusedForGood(
          SkipReason.EXCLUDED, lead.e164() + " is excluded from this campaign");
    }
    Optional<DialDecision> refusal = attemptLimits(campaign, lead);
    if (refusal.isEmpty()) {
      refusal = locks(candidate, now);
    }
    if (refusal.isEmpty() && !lead.callback()) {
      refusal = retryDelay(campaign, lead, now);
    }
    if (refusal.isEmpty()) {
      refusal = window(campaign.callingWindow(), lead, now);
    }
    return refusal.orElse(DialDecision.allow());
  }

  private static Optional<DialDecision> attemptLimits(CampaignSettings campaign, Lead lead) {
    if (lead.attempts() >= campaign.maxAttempts()) {
      return Optional.of(
          DialDecision.refusedForGood(
              SkipReason.MAX_ATTEMPTS,
              lead.attempts()
                  + " attempts made, the most this campaign allows is "
                  + campaign.maxAttempts()));
    }
    for (AttemptOutcome outcome : AttemptOutcome.values()) {
      Optional<RetryRule> rule = RetryPolicy.ruleFor(campaign.retryRules(), outcome);
      int count = lead.outcomes().of(outcome);
      if (rule.isPresent() && count >= rule.get().maxAttempts()) {
        return Optional.of(
            DialDecision.refusedForGood(
                SkipReason.MAX_ATTEMPTS,
                count
                    + " attempts ended "
                    + outcome.wireName()
                    + ", the most this campaign allows for that outcome is "
                    + rule.get().maxAttempts()));
      }
    }
    return Optional.empty();
  }

  private static Optional<DialDecision> locks(DialCandidate candidate, Instant now) {
    RecallLock longest = null;
    for (RecallLock lock : candidate.locks()) {
      if (lock.holdsAt(now)
          && (longest == null || lock.lockedUntil().isAfter(longest.lockedUntil()))) {
        longest = lock;
      }
    }
    if (longest == null) {
      return Optional.empty();
    }
    String why =
        longest.kind() == RecallLockKind.ABANDONED
            ? "a call to it was abandoned at " + longest.lockedAt() + "; 72 h re-call lock"
            : "AMD classed a call to it as a machine at "
                + longest.lockedAt()
                + "; 24 h re-call lock (UK)";
    return Optional.of(
        DialDecision.refusedUntil(
            longest.kind().reason(),
            candidate.lead().e164() + " is locked until " + longest.lockedUntil() + ": " + why,
            longest.lockedUntil()));
  }

  private static Optional<DialDecision> retryDelay(
      CampaignSettings campaign, Lead lead, Instant now) {
    if (lead.lastOutcome() == null || lead.lastAttemptAt() == null) {
      return Optional.empty();
    }
    Optional<RetryRule> rule = RetryPolicy.ruleFor(campaign.retryRules(), lead.lastOutcome());
    if (rule.isEmpty()) {
      return Optional.empty();
    }
    Instant earliest = lead.lastAttemptAt().plus(rule.get().delay());
    if (!now.isBefore(earliest)) {
      return Optional.empty();
    }
    return Optional.of(
        DialDecision.refusedUntil(
            SkipReason.RETRY_DELAY,
            "the last attempt ended "
                + lead.lastOutcome().wireName()
                + " at "
                + lead.lastAttemptAt()
                + "; this campaign waits "
                + rule.get().delayMinutes()
                + " min after that outcome",
            earliest));
  }

  private Optional<DialDecision> window(CallingWindow window, Lead lead, Instant now) {
    List<ZoneId> zones =
        lead.timeZone().map(List::of).orElseGet(() -> numberZones.zonesOf(lead.e164()));
    if (zones.isEmpty()) {
      return Optional.of(
          DialDecision.refusedUntil(
              SkipReason.UNKNOWN_TIME_ZONE,
              "the lead has no time zone and libphonenumber knows none for " + lead.e164(),
              now.plus(RECHECK_AFTER)));
    }
    LocalWindow local = new LocalWindow(window, zones);
    if (local.openAt(now)) {
      return Optional.empty();
    }
    String hours = window.describe();
    String whose =
        zones.size() == 1
            ? "in " + zones.get(0)
            : "in all of the "
                + zones.size()
                + " time zones of "
                + lead.e164()
                + " "
                + zones
                + " (the most restrictive applies)";
    ZoneId closed = local.closedZoneAt(now).orElse(zones.get(0));
    String localNow = LOCAL.format(LocalDateTime.ofInstant(now, closed)) + " in " + closed;
    Optional<Instant> opening = local.nextOpening(now);
    if (opening.isEmpty()) {
      return Optional.of(
          DialDecision.refusedUntil(
              SkipReason.NO_COMMON_WINDOW,
              "the calling window " + hours + " is never open " + whose + " within a week",
              now.plus(RECHECK_AFTER)));
    }
    return Optional.of(
        DialDecision.refusedUntil(
            SkipReason.OUTSIDE_WINDOW,
            "outside the calling window "
                + hours
                + " "
                + whose
                + ": it is "
                + localNow
                + "; it opens at "
                + opening.get(),
            opening.get()));
  }
}
