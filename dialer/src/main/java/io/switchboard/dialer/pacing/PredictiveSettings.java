package io.switchboard.dialer.pacing;

/**
 * Campaign settings of the predictive policy. Immutable.
 *
 * @param accounting the regulator's accounting
 * @param abandonLimit the legal abandon rate, e.g. 0.03
 * @param amdEnabled whether answering-machine detection runs
 * @param amdFalsePositiveEstimate the reasoned estimate (from testing) of the share of people AMD
 *     classes as machines; the dialer cannot observe it, Ofcom requires it
 * @param targetFraction the share of the remaining abandon budget the controller aims at
 * @param graceSeconds how long a ready call may wait for an agent before it is abandoned
 * @param initialRisk the cold-start drop-risk threshold (conservative)
 * @param gain how fast the threshold's log-odds move per call of unused (or overspent) budget
 * @param maximumLinesPerAgent the cap on lines in use per logged-in agent
 */
public record PredictiveSettings(
    AbandonAccounting accounting,
    double abandonLimit,
    boolean amdEnabled,
    double amdFalsePositiveEstimate,
    double targetFraction,
    double graceSeconds,
    double initialRisk,
    double gain,
    double maximumLinesPerAgent) {

  public PredictiveSettings {
    if (!(abandonLimit > 0 && abandonLimit < 1)) {
      throw new IllegalArgumentException("abandonLimit must be in (0, 1), was " + abandonLimit);
    }
    if (!(amdFalsePositiveEstimate >= 0 && amdFalsePositiveEstimate < 1)) {
      throw new IllegalArgumentException("amdFalsePositiveEstimate must be in [0, 1)");
    }
    if (!(targetFraction > 0 && targetFraction <= 1)) {
      throw new IllegalArgumentException("targetFraction must be in (0, 1]");
    }
    if (!(initialRisk > 0 && initialRisk < 0.5) || !(gain > 0) || !(graceSeconds >= 0)) {
      throw new IllegalArgumentException("initialRisk in (0, 0.5), gain > 0, grace >= 0");
    }
    if (!(maximumLinesPerAgent >= 1)) {
      throw new IllegalArgumentException("maximumLinesPerAgent must be at least 1");
    }
  }

  /** US accounting, 3 %, AMD on with a 0 % false-positive estimate, and the tuned controller. */
  public static PredictiveSettings defaults() {
    return new PredictiveSettings(AbandonAccounting.US, 0.03, true, 0.0, 0.9, 2.0, 0.02, 0.3, 3.0);
  }

  /** The same settings under another accounting and AMD configuration. */
  public PredictiveSettings withAmd(
      AbandonAccounting newAccounting, boolean enabled, double falsePositiveEstimate) {
    return new PredictiveSettings(
        newAccounting,
        abandonLimit,
        enabled,
        falsePositiveEstimate,
        targetFraction,
        graceSeconds,
        initialRisk,
        gain,
        maximumLinesPerAgent);
  }

  /** The same settings with another controller. */
  public PredictiveSettings withController(double fraction, double risk, double newGain) {
    return new PredictiveSettings(
        accounting,
        abandonLimit,
        amdEnabled,
        amdFalsePositiveEstimate,
        fraction,
        graceSeconds,
        risk,
        newGain,
        maximumLinesPerAgent);
  }
}
