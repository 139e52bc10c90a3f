package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AgentState;
import io.switchboard.dialer.pacing.NormalDistribution;
import java.util.SplittableRandom;

/**
 * When one agent will next be free, under the TRUE scenario model, conditioned on the agent's state
 * and the time spent in it: a mixture over what the agent may be handling (a machine passed by AMD,
 * a quick or a normal conversation), each part a truncated distribution sampled by inverse
 * transform. Times beyond the horizon come back infinite. Built once per agent per decision; not
 * thread-safe.
 */
final class AgentOutlook {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double MACHINE_WRAP = 5.0;

  private final double horizon;
  private final double fixed;
  private final double[] weight = new double[3];
  private final double[] mu = new double[3];
  private final double[] sigma = new double[3];
  private final double[] lowCdf = new double[3];
  private final double[] highCdf = new double[3];
  private final boolean inCall;
  private final double elapsed;

  /**
   * @param machineShare P(a handled call is a machine passed by AMD)
   * @param talkMean the mean of a normal conversation bridged when this one was
   */
  AgentOutlook(
      Scenario s,
      AgentState state,
      double elapsed,
      double talkMean,
      double machineShare,
      double horizon) {
    this.horizon = horizon;
    this.elapsed = elapsed;
    this.inCall = state == AgentState.IN_CALL;
    switch (state) {
      case READY -> fixed = 0;
      case PAUSED -> fixed = Math.max(0, 360 - elapsed);
      case IN_CALL, WRAP_UP -> fixed = Double.NaN;
      default -> fixed = INF;
    }
    if (!Double.isNaN(fixed)) {
      return;
    }
    TalkModel talk = s.talk();
    if (inCall) {
      weight[0] = machineShare * clamp((8 - elapsed) / 5);
      part(1, (1 - machineShare) * talk.quickShare(), talk.quickMean(), talk.cv());
      part(2, (1 - machineShare) * (1 - talk.quickShare()), talkMean, talk.cv());
    } else {
      weight[0] = elapsed < MACHINE_WRAP ? machineShare : 0;
      part(2, 1 - machineShare, Scenario.WRAP_MEAN, Scenario.WRAP_CV);
    }
    double total = weight[0] + weight[1] + weight[2];
    for (int i = 0; i < 3; i++) {
      weight[i] = total > 0 ? weight[i] / total : (i == 2 ? 1 : 0);
    }
  }

  private void part(int i, double prior, double mean, double cv) {
    if (prior <= 0) {
      return;
    }
    double s2 = Math.log(1 + cv * cv);
    sigma[i] = Math.sqrt(s2);
    mu[i] = Math.log(mean) - s2 / 2;
    lowCdf[i] = cdf(i, elapsed);
    highCdf[i] = cdf(i, elapsed + horizon);
    weight[i] = prior * (1 - lowCdf[i]);
  }

  private double cdf(int i, double t) {
    return t <= 0 ? 0 : NormalDistribution.cdf((Math.log(t) - mu[i]) / sigma[i]);
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /** Seconds from now until the agent is free, or infinite beyond the horizon. */
  double sample(SplittableRandom random) {
    if (!Double.isNaN(fixed)) {
      return fixed <= horizon ? fixed : INF;
    }
    double pick = random.nextDouble();
    int part = pick < weight[0] ? 0 : pick < weight[0] + weight[1] ? 1 : 2;
    double free;
    if (part == 0) {
      free =
          inCall
              ? Math.max(0, 3 + 5 * random.nextDouble() - elapsed) + MACHINE_WRAP
              : MACHINE_WRAP - elapsed;
      if (inCall && elapsed > 3) {
        free = (8 - elapsed) * random.nextDouble() + MACHINE_WRAP;
      }
    } else {
      double u = lowCdf[part] + random.nextDouble() * (1 - lowCdf[part]);
      if (u >= highCdf[part] || u >= 1) {
        return INF;
      }
      double end =
          Math.exp(mu[part] + sigma[part] * NormalDistribution.quantile(Math.max(u, 1e-12)));
      free = Math.max(0, end - elapsed);
      if (inCall) {
        free += TalkModel.lognormal(Scenario.WRAP_MEAN, Scenario.WRAP_CV, random.nextGaussian());
      }
    }
    return free <= horizon ? free : INF;
  }
}
