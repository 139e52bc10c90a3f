package io.switchboard.dialer.pacing;

/**
 * An integral controller on the day's cumulative abandon count: the drop-risk threshold's log-odds
 * are {@code logit(initial) + gain x (target x live answers - abandons)}, clamped, so unused budget
 * loosens the pacer and every abandon tightens it. Starting low makes the cold start conservative.
 * Not thread-safe.
 */
public final class AbandonController {
  private static final double MIN_LOGIT = logit(1e-4);
  private static final double MAX_LOGIT = logit(0.6);

  private final double targetRate;
  private final double initialLogit;
  private final double gain;
  private final double falsePositiveVariance;

  /**
   * @param targetRate the pacing drop rate to steer to
   * @param countedFalsePositives the AMD false-positive rate charged to the budget (0 if none)
   * @param initialRisk the cold-start threshold
   * @param gain log-odds per call of unused budget
   */
  public AbandonController(
      double targetRate, double countedFalsePositives, double initialRisk, double gain) {
    this.targetRate = targetRate;
    this.falsePositiveVariance = countedFalsePositives * (1 - countedFalsePositives);
    this.initialLogit = logit(initialRisk);
    this.gain = gain;
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  /** The drop-risk threshold given the day's live answers and abandons so far. */
  public double risk(long liveAnswers, long abandons) {
    double allowed =
        targetRate * liveAnswers - 2 * Math.sqrt(falsePositiveVariance * Math.max(0, liveAnswers));
    double z = initialLogit + gain * (allowed - abandons);
    z = Math.max(MIN_LOGIT, Math.min(MAX_LOGIT, z));
    return 1 / (1 + Math.exp(-z));
  }

  /** The abandon rate the controller steers to. */
  public double targetRate() {
    return targetRate;
  }
}
