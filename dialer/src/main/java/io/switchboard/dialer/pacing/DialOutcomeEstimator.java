package io.switchboard.dialer.pacing;

import io.switchboard.dialer.pacing.PacingEvent.CallAnswered;
import io.switchboard.dialer.pacing.PacingEvent.CallEnded;
import io.switchboard.dialer.pacing.PacingEvent.CallOriginated;
import io.switchboard.dialer.pacing.PacingEvent.CallQueued;
import io.switchboard.dialer.pacing.PacingSnapshot.CallView;
import java.util.HashMap;
import java.util.Map;

/**
 * Learns online how dials turn into calls for agents: the probability that a dial is queued for an
 * agent (a recent-weighted rate, so a time-of-day change is followed), the same after pickup, and
 * the delay shapes to queueing and to release. It answers P(queued within a horizon | still
 * unresolved after its elapsed time), from the survival of both shapes. Not thread-safe.
 */
public final class DialOutcomeEstimator {
  private static final double PRIOR_LIVE = 0.5;
  private static final double PRIOR_WEIGHT = 20;
  private static final double WINDOW = 600;

  private final Map<String, Double> originated = new HashMap<>();
  private final Map<String, Double> answered = new HashMap<>();
  private final DelayHistogram toQueue = new DelayHistogram(8, 25, 10);
  private final DelayHistogram toRelease = new DelayHistogram(2, 25, 10);
  private final DelayHistogram answerToQueue = new DelayHistogram(1, 3, 10);
  private final DelayHistogram answerToRelease = new DelayHistogram(2, 5, 10);
  private double liveRate = PRIOR_LIVE;
  private double answeredLiveRate = PRIOR_LIVE;
  private long resolved;
  private long answeredResolved;

  /** Observes one event. */
  public void on(PacingEvent event) {
    double t = PacingEvent.seconds(event.at());
    if (event instanceof CallOriginated e) {
      originated.put(e.callId(), t);
    } else if (event instanceof CallAnswered e) {
      answered.put(e.callId(), t);
    } else if (event instanceof CallQueued e) {
      resolve(e.callId(), t, true);
    } else if (event instanceof CallEnded e) {
      resolve(e.callId(), t, false);
    }
  }

  private void resolve(String callId, double t, boolean queued) {
    Double start = originated.remove(callId);
    if (start == null) {
      return;
    }
    (queued ? toQueue : toRelease).add(t - start);
    resolved++;
    liveRate += ((queued ? 1 : 0) - liveRate) / Math.min(resolved + PRIOR_WEIGHT, WINDOW);
    Double pickup = answered.remove(callId);
    if (pickup != null) {
      (queued ? answerToQueue : answerToRelease).add(t - pickup);
      answeredResolved++;
      double step = Math.min(answeredResolved + PRIOR_WEIGHT, WINDOW);
      answeredLiveRate += ((queued ? 1 : 0) - answeredLiveRate) / step;
    }
  }

  /** P(a new dial is queued for an agent). */
  public double liveProbability() {
    return liveRate;
  }

  /** The p-quantile of the dial-to-queue delay of dials that reach an agent. */
  public double queueDelayQuantile(double p) {
    return toQueue.quantile(p);
  }

  /** P(a dial that reaches an agent does so within the given seconds). */
  public double queueDelayCdf(double seconds) {
    return toQueue.cdf(seconds);
  }

  /**
   * P(the call is queued within {@code horizon} seconds of {@code now}), given its phase; 1 for a
   * queued call and 0 for a bridged one.
   */
  public double queuedWithin(CallView call, double now, double horizon) {
    switch (call.phase()) {
      case QUEUED:
        return 1.0;
      case BRIDGED:
        return 0.0;
      case ANSWERED:
        return conditional(
            answeredLiveRate, answerToQueue, answerToRelease, now - call.phaseSince(), horizon);
      default:
        return conditional(liveRate, toQueue, toRelease, now - call.originatedAt(), horizon);
    }
  }

  private static double conditional(
      double live, DelayHistogram queue, DelayHistogram release, double elapsed, double horizon) {
    double queuedSoFar = queue.cdf(elapsed);
    double unresolved = live * (1 - queuedSoFar) + (1 - live) * (1 - release.cdf(elapsed));
    if (unresolved <= 1e-9) {
      return 0.0;
    }
    return Math.min(1.0, live * (queue.cdf(elapsed + horizon) - queuedSoFar) / unresolved);
  }
}
