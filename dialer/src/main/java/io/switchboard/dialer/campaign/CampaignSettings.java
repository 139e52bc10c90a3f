package io.switchboard.dialer.campaign;

import io.switchboard.dialer.pacing.AbandonAccounting;
import io.switchboard.dialer.pacing.PacingFeasibility;
import io.switchboard.dialer.pacing.PredictiveSettings;
import java.util.Objects;

/**
 * Everything a supervisor sets on a campaign, already validated ({@link CampaignInput} reads it
 * from JSON and names every bad field). Immutable.
 *
 * @param name unique (ignoring case) among campaigns
 * @param mode preview, progressive or predictive
 * @param target the queue or agent group that takes answered calls
 * @param callerId the number presented to callees, E.164 (Ofcom: a valid, returnable CLI)
 * @param callingWindow when callees may be called, in their local time
 * @param retryRules delay and attempt limit per outcome
 * @param maxAttempts the most attempts per lead, whatever their outcomes
 * @param ringLimitSeconds how long an unanswered call rings, at least 15 s
 * @param abandonRateTarget the abandon rate the pacer keeps under, at most 5 %
 * @param accounting US (abandoned live / live answers, 30 days) or UK (AMD false positives count,
 *     any 24 h)
 * @param abandonMessage the recording played when no agent takes a live call within 2 s
 * @param amdEnabled whether answering-machine detection runs
 * @param amdFalsePositiveEstimate the operator's estimate of people AMD takes for machines
 */
public record CampaignSettings(
    String name,
    CampaignMode mode,
    CampaignTarget target,
    String callerId,
    CallingWindow callingWindow,
    RetryRules retryRules,
    int maxAttempts,
    int ringLimitSeconds,
    double abandonRateTarget,
    AbandonAccounting accounting,
    String abandonMessage,
    boolean amdEnabled,
    double amdFalsePositiveEstimate) {

  /** The least ring time before an unanswered call may be dropped (FCC, Ofcom). */
  public static final int MIN_RING_LIMIT_SECONDS = 15;

  public static final int MAX_RING_LIMIT_SECONDS = 120;

  /** The highest abandon target a campaign may set (Canada's limit; US and UK are 3 %). */
  public static final double MAX_ABANDON_RATE_TARGET = 0.05;

  public CampaignSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(callingWindow, "callingWindow");
    Objects.requireNonNull(retryRules, "retryRules");
    Objects.requireNonNull(accounting, "accounting");
    Objects.requireNonNull(abandonMessage, "abandonMessage");
    if (ringLimitSeconds < MIN_RING_LIMIT_SECONDS || ringLimitSeconds > MAX_RING_LIMIT_SECONDS) {
      throw new IllegalArgumentException("ringLimitSeconds must be 15..120");
    }
    if (!(abandonRateTarget > 0 && abandonRateTarget <= MAX_ABANDON_RATE_TARGET)) {
      throw new IllegalArgumentException("abandonRateTarget must be in (0, 0.05]");
    }
    if (!(amdFalsePositiveEstimate >= 0 && amdFalsePositiveEstimate < 1)) {
      throw new IllegalArgumentException("amdFalsePositiveEstimate must be in [0, 1)");
    }
    if (maxAttempts < 1 || maxAttempts > RetryRule.MAX_ATTEMPTS) {
      throw new IllegalArgumentException("maxAttempts must be 1..50");
    }
  }

  /**
   * Whether predictive pacing can keep this campaign's abandon rate under its target: the pacing
   * library's own check, fed the campaign's accounting, target and AMD settings (under UK
   * accounting the AMD false-positive estimate spends the budget first).
   */
  public PacingFeasibility predictiveFeasibility() {
    PredictiveSettings defaults = PredictiveSettings.defaults();
    return PacingFeasibility.check(
        new PredictiveSettings(
            accounting,
            abandonRateTarget,
            amdEnabled,
            amdFalsePositiveEstimate,
            defaults.targetFraction(),
            defaults.graceSeconds(),
            defaults.initialRisk(),
            defaults.gain(),
            defaults.maximumLinesPerAgent()));
  }
}
