package io.switchboard.dialer.pacing;

import io.switchboard.dialer.pacing.PacingSnapshot.AgentView;
import io.switchboard.dialer.pacing.PacingSnapshot.CallView;
import java.time.Instant;

/**
 * Switchboard's predictive pacer: a threshold rule on each extra call's drop risk. For a few
 * quantiles of the dial-to-queue delay it compares agents free by then plus the grace period
 * (conditional talk and wrap-up residuals) with calls queued by then (in-flight calls by their
 * elapsed time, earlier new calls), using a normal approximation; it adds calls while the average
 * drop risk of the next one stays under a threshold that an {@link AbandonController} on the day's
 * abandon count moves. Everything is estimated online from events. Not thread-safe.
 */
public final class PredictivePolicy implements PacingPolicy {
  private static final double[] DELAY_LEVELS = {0.125, 0.375, 0.625, 0.875};

  private final PredictiveSettings settings;
  private final PacingStatistics statistics = new PacingStatistics();
  private final AbandonController controller;
  private final double[] horizon = new double[DELAY_LEVELS.length];
  private final double[] margin = new double[DELAY_LEVELS.length];
  private final double[] variance = new double[DELAY_LEVELS.length];

  private PredictivePolicy(PredictiveSettings settings, PacingFeasibility feasibility) {
    this.settings = settings;
    this.controller =
        new AbandonController(
            feasibility.pacingBudget() * settings.targetFraction(),
            settings.abandonLimit() - feasibility.pacingBudget(),
            settings.initialRisk(),
            settings.gain());
  }

  /**
   * A predictive policy for the settings.
   *
   * @throws PacingRefusedException if the abandon budget cannot be met, with the reason
   */
  public static PredictivePolicy create(PredictiveSettings settings) {
    PacingFeasibility feasibility = PacingFeasibility.check(settings);
    if (!feasibility.feasible()) {
      throw new PacingRefusedException(feasibility.reason());
    }
    return new PredictivePolicy(settings, feasibility);
  }

  @Override
  public String name() {
    return "predictive";
  }

  /** What the policy has learned so far. */
  public PacingStatistics statistics() {
    return statistics;
  }

  /** The drop-risk threshold in force now. */
  public double riskThreshold() {
    return controller.risk(statistics.liveAnswers(), statistics.abandons());
  }

  @Override
  public void on(PacingEvent event) {
    statistics.on(event);
  }

  @Override
  public int callsToStart(PacingSnapshot snapshot, Instant now) {
    int loggedIn = snapshot.agents().size() - snapshot.agentsIn(AgentState.PAUSED);
    if (loggedIn <= 0) {
      return 0;
    }
    int lineRoom =
        (int) Math.floor(settings.maximumLinesPerAgent() * loggedIn) - snapshot.callsInProgress();
    if (lineRoom <= 0) {
      return 0;
    }
    double t = PacingEvent.seconds(now);
    double live = statistics.dials().liveProbability();
    prepare(snapshot, t);
    double threshold = riskThreshold();
    int n = 0;
    while (n < lineRoom && dropRisk(n, live) <= threshold) {
      n++;
    }
    return n;
  }

  private void prepare(PacingSnapshot snapshot, double t) {
    DialOutcomeEstimator dials = statistics.dials();
    for (int j = 0; j < DELAY_LEVELS.length; j++) {
      horizon[j] = dials.queueDelayQuantile(DELAY_LEVELS[j]);
      margin[j] = 0;
      variance[j] = 0;
    }
    for (AgentView agent : snapshot.agents()) {
      for (int j = 0; j < DELAY_LEVELS.length; j++) {
        double p = statistics.freeWithin(agent, t, horizon[j] + settings.graceSeconds());
        margin[j] += p;
        variance[j] += p * (1 - p);
      }
    }
    for (CallView call : snapshot.calls()) {
      if (call.phase() == CallPhase.BRIDGED) {
        continue;
      }
      for (int j = 0; j < DELAY_LEVELS.length; j++) {
        double r = dials.queuedWithin(call, t, horizon[j]);
        margin[j] -= r;
        variance[j] += r * (1 - r);
      }
    }
  }

  /** The average over delay quantiles of P(the (n+1)-th new call finds no agent | it is live). */
  private double dropRisk(int earlierNewCalls, double live) {
    double sum = 0;
    for (int j = 0; j < DELAY_LEVELS.length; j++) {
      double p = live * DELAY_LEVELS[j];
      double m = margin[j] - earlierNewCalls * p;
      double v = variance[j] + earlierNewCalls * p * (1 - p);
      if (v < 1e-9) {
        sum += m <= 0.5 ? 1.0 : 0.0;
      } else {
        sum += NormalDistribution.cdf((0.5 - m) / Math.sqrt(v));
      }
    }
    return sum / DELAY_LEVELS.length;
  }
}
