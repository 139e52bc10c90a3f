package io.switchboard.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.dialer.pacing.PacingSnapshot.CallView;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EstimatorTest {

  @Test
  void theLognormalFitConvergesOnSyntheticTalkTimes() {
    LognormalEstimator talk = new LognormalEstimator(240, 1.0, 20, 100_000);
    SplittableRandom random = new SplittableRandom(7);
    double sigma = Math.sqrt(Math.log(2));
    double mu = Math.log(180) - sigma * sigma / 2;
    for (int i = 0; i < 20_000; i++) {
      talk.add(Math.exp(mu + sigma * random.nextGaussian()));
    }
    assertThat(talk.mean()).isCloseTo(180, within(6.0));
    assertThat(talk.sigma()).isCloseTo(sigma, within(0.02));
  }

  @Test
  void theResidualIsConditionalOnTheElapsedTimeNotTheUnconditionalCdf() {
    LognormalEstimator talk = new LognormalEstimator(180, 1.0, 1, 10);
    double unconditional = 1 - talk.survival(660);
    double conditional = talk.endsWithin(600, 60);
    // Issabel's F(elapsed + a) says a 600 s call is almost surely about to end; the lognormal
    // hazard falls after the mode, so the conditional chance is small.
    assertThat(unconditional).isGreaterThan(0.95);
    assertThat(conditional).isLessThan(0.3);
  }

  @Test
  void theNormalCdfAndQuantileAgree() {
    for (double p : new double[] {0.001, 0.05, 0.3, 0.5, 0.8, 0.99}) {
      assertThat(NormalDistribution.cdf(NormalDistribution.quantile(p))).isCloseTo(p, within(1e-6));
    }
  }

  @Test
  void theDialEstimatorLearnsTheLiveRateAndThatLateCallsWillNotGoLive() {
    DialOutcomeEstimator dials = new DialOutcomeEstimator();
    for (int i = 0; i < 2000; i++) {
      double start = i;
      dials.on(new PacingEvent.CallOriginated("c" + i, HandMadeState.at(start)));
      if (i % 5 == 0) {
        dials.on(new PacingEvent.CallQueued("c" + i, HandMadeState.at(start + 12)));
      } else {
        dials.on(
            new PacingEvent.CallEnded(
                "c" + i, CallOutcome.NO_ANSWER, HandMadeState.at(start + 20)));
      }
    }
    assertThat(dials.liveProbability()).isCloseTo(0.2, within(0.03));
    double now = 10_000;
    CallView young = new CallView("y", CallPhase.RINGING, now - 5, now - 2);
    CallView old = new CallView("o", CallPhase.RINGING, now - 15, now - 12);
    assertThat(dials.queuedWithin(young, now, 10)).isCloseTo(0.2, within(0.05));
    assertThat(dials.queuedWithin(old, now, 10)).isLessThan(0.01);
  }
}
