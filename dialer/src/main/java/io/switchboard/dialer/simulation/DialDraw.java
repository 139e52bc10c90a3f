package io.switchboard.dialer.simulation;

import java.util.SplittableRandom;

/**
 * Everything random about one dial, drawn up front in a fixed order from its own stream, so the
 * k-th dial is the same call whichever policy placed it. Immutable.
 */
record DialDraw(
    double outcome,
    double postDialDelay,
    double failRelease,
    double humanRing,
    double machineRing,
    double humanAmdDelay,
    double machineAmdDelay,
    double amdError,
    double machineHandling) {

  static DialDraw draw(SplittableRandom r) {
    double outcome = r.nextDouble();
    double pdd = 2 + 2 * r.nextDouble();
    double fail = 1 + 3 * r.nextDouble();
    double humanRing = lognormalMeanSd(9, 5, r.nextGaussian());
    double machineRing = 12 + 18 * r.nextDouble();
    double humanAmd = 1.5 + 1.5 * r.nextDouble();
    double machineAmd = 2.5 + 2.5 * r.nextDouble();
    double amdError = r.nextDouble();
    double handling = 3 + 5 * r.nextDouble();
    return new DialDraw(
        outcome, pdd, fail, humanRing, machineRing, humanAmd, machineAmd, amdError, handling);
  }

  private static double lognormalMeanSd(double mean, double sd, double z) {
    return TalkModel.lognormal(mean, sd / mean, z);
  }
}
