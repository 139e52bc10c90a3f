package io.switchboard.dialer.pacing;

import io.switchboard.dialer.pacing.PacingEvent.AgentStateChanged;
import io.switchboard.dialer.pacing.PacingEvent.CallBridged;
import io.switchboard.dialer.pacing.PacingEvent.CallEnded;
import io.switchboard.dialer.pacing.PacingEvent.CallQueued;
import io.switchboard.dialer.pacing.PacingSnapshot.AgentView;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a model-based pacer learns from events: dial outcomes and timing, lognormal talk and
 * wrap-up times of conversations with people (prior: a long, spread-out talk time, so a cold start
 * under-predicts free agents), and the day's live answers and abandons. Not thread-safe.
 */
public final class PacingStatistics {
  private static final double[] WRAP_LEVELS = {1.0 / 6, 0.5, 5.0 / 6};

  private final DialOutcomeEstimator dials = new DialOutcomeEstimator();
  private final LognormalEstimator talk = new LognormalEstimator(240, 1.0, 20, 400);
  private final LognormalEstimator wrap = new LognormalEstimator(45, 0.5, 20, 400);
  private final Map<String, Double> bridgedAt = new HashMap<>();
  private final Map<String, String> agentOfCall = new HashMap<>();
  private final Map<String, Double> wrapStart = new HashMap<>();
  private final double[] wrapQuantiles = new double[WRAP_LEVELS.length];
  private long wrapVersion = -1;
  private long liveAnswers;
  private long abandons;

  /** Observes one event. */
  public void on(PacingEvent event) {
    dials.on(event);
    double t = PacingEvent.seconds(event.at());
    if (event instanceof CallQueued) {
      liveAnswers++;
    } else if (event instanceof CallBridged e) {
      bridgedAt.put(e.callId(), t);
      agentOfCall.put(e.callId(), e.agentId());
    } else if (event instanceof CallEnded e) {
      onEnded(e, t);
    } else if (event instanceof AgentStateChanged e) {
      Double started = wrapStart.remove(e.agentId());
      if (started != null && e.state() != AgentState.WRAP_UP) {
        wrap.add(t - started);
      }
    }
  }

  private void onEnded(CallEnded e, double t) {
    Double start = bridgedAt.remove(e.callId());
    String agent = agentOfCall.remove(e.callId());
    if (e.outcome() == CallOutcome.ABANDONED) {
      abandons++;
    } else if (e.outcome() == CallOutcome.AGENT_CODED_MACHINE) {
      liveAnswers--;
    } else if (e.outcome() == CallOutcome.COMPLETED && start != null) {
      talk.add(t - start);
      if (agent != null) {
        wrapStart.put(agent, t);
      }
    }
  }

  /** Dial outcome and timing estimates. */
  public DialOutcomeEstimator dials() {
    return dials;
  }

  /** The talk-time fit. */
  public LognormalEstimator talk() {
    return talk;
  }

  /** The wrap-up-time fit. */
  public LognormalEstimator wrap() {
    return wrap;
  }

  /** Calls queued for agents today, less those agents coded as machines. */
  public long liveAnswers() {
    return liveAnswers;
  }

  /** Calls abandoned today. */
  public long abandons() {
    return abandons;
  }

  /**
   * P(the agent is free within {@code horizon} seconds): 1 if ready, 0 if paused; for an agent in a
   * call, talk residual plus wrap-up (three wrap quantiles); for one in wrap-up, wrap residual.
   */
  public double freeWithin(AgentView agent, double now, double horizon) {
    double elapsed = now - agent.since();
    switch (agent.state()) {
      case READY:
        return 1.0;
      case WRAP_UP:
        return wrap.endsWithin(elapsed, horizon);
      case IN_CALL:
        refreshWrapQuantiles();
        double alive = talk.survival(elapsed);
        if (alive < 1e-12) {
          return 1.0;
        }
        double sum = 0;
        for (double w : wrapQuantiles) {
          double end = elapsed + horizon - w;
          sum += end <= elapsed ? 0 : Math.max(0, alive - talk.survival(end)) / alive;
        }
        return sum / wrapQuantiles.length;
      default:
        return 0.0;
    }
  }

  private void refreshWrapQuantiles() {
    if (wrapVersion != wrap.samples()) {
      for (int i = 0; i < WRAP_LEVELS.length; i++) {
        wrapQuantiles[i] = wrap.quantile(WRAP_LEVELS[i]);
      }
      wrapVersion = wrap.samples();
    }
  }
}
