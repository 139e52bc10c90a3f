package io.switchboard.dialer.simulation;

import java.util.SplittableRandom;

/**
 * How long conversations with people last: lognormal, optionally a bimodal mix with a share of
 * quick refusals, optionally drifting to a longer mean from a time of day. Immutable.
 *
 * @param mean mean talk time in seconds
 * @param cv coefficient of variation of both lognormal parts
 * @param quickShare share of quick conversations (0 for none)
 * @param quickMean mean of the quick ones
 * @param driftAt seconds into the day from which the mean is {@code driftMean} (negative: never)
 * @param driftMean the mean after the drift
 */
public record TalkModel(
    double mean, double cv, double quickShare, double quickMean, double driftAt, double driftMean) {

  /** A plain lognormal talk time. */
  public static TalkModel lognormal(double mean, double cv) {
    return new TalkModel(mean, cv, 0, 0, -1, mean);
  }

  /** Draws one talk time for a conversation bridged at {@code at}; uses exactly two draws. */
  public double sample(SplittableRandom random, double at) {
    double pick = random.nextDouble();
    double z = random.nextGaussian();
    double m = driftAt >= 0 && at >= driftAt ? driftMean : mean;
    if (pick < quickShare) {
      m = quickMean;
    }
    return lognormal(m, cv, z);
  }

  /** The long-run mean talk time before any drift. */
  public double expectedMean() {
    return quickShare * quickMean + (1 - quickShare) * mean;
  }

  /** A lognormal with the given mean and CV from a standard normal draw. */
  static double lognormal(double mean, double cv, double z) {
    double sigmaSquared = Math.log(1 + cv * cv);
    return Math.exp(Math.log(mean) - sigmaSquared / 2 + Math.sqrt(sigmaSquared) * z);
  }
}
