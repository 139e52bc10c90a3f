package io.switchboard.dialer.pacing;

/**
 * An online lognormal fit of durations (talk or wrap-up time): running moments of log-durations,
 * started from a prior worth {@code priorWeight} samples and forgetting slowly (an effective
 * window), so drift is followed. Residuals come from the survival function. Not thread-safe.
 */
public final class LognormalEstimator {
  private final double window;
  private double weight;
  private double sumLog;
  private double sumLogSquared;
  private long samples;

  /**
   * @param priorMean the prior's mean duration in seconds
   * @param priorCv the prior's coefficient of variation
   * @param priorWeight how many samples the prior is worth
   * @param window the effective number of samples remembered
   */
  public LognormalEstimator(double priorMean, double priorCv, double priorWeight, double window) {
    double sigmaSquared = Math.log(1 + priorCv * priorCv);
    double mu = Math.log(priorMean) - sigmaSquared / 2;
    this.window = window;
    this.weight = priorWeight;
    this.sumLog = priorWeight * mu;
    this.sumLogSquared = priorWeight * (sigmaSquared + mu * mu);
  }

  /** Adds one observed duration in seconds (non-positive values are clamped to 0.1 s). */
  public void add(double seconds) {
    double x = Math.log(Math.max(seconds, 0.1));
    if (weight + 1 > window) {
      double keep = (window - 1) / weight;
      weight *= keep;
      sumLog *= keep;
      sumLogSquared *= keep;
    }
    weight += 1;
    sumLog += x;
    sumLogSquared += x * x;
    samples++;
  }

  /** How many durations were observed. */
  public long samples() {
    return samples;
  }

  /** The location parameter of the log-duration. */
  public double mu() {
    return sumLog / weight;
  }

  /** The scale parameter of the log-duration (at least 0.05). */
  public double sigma() {
    double mu = mu();
    return Math.sqrt(Math.max(sumLogSquared / weight - mu * mu, 0.0025));
  }

  /** The mean duration. */
  public double mean() {
    double s = sigma();
    return Math.exp(mu() + s * s / 2);
  }

  /** P(duration > seconds). */
  public double survival(double seconds) {
    if (seconds <= 0) {
      return 1.0;
    }
    return 1.0 - NormalDistribution.cdf((Math.log(seconds) - mu()) / sigma());
  }

  /** The p-quantile of the duration. */
  public double quantile(double p) {
    return Math.exp(mu() + sigma() * NormalDistribution.quantile(p));
  }

  /** P(duration <= elapsed + horizon | duration > elapsed): the conditional residual. */
  public double endsWithin(double elapsed, double horizon) {
    double alive = survival(elapsed);
    if (alive < 1e-12) {
      return 1.0;
    }
    return Math.max(0.0, alive - survival(elapsed + horizon)) / alive;
  }
}
