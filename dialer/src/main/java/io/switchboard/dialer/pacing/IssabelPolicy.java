package io.switchboard.dialer.pacing;

import io.switchboard.dialer.pacing.PacingEvent.CallAnswered;
import io.switchboard.dialer.pacing.PacingEvent.CallOriginated;
import io.switchboard.dialer.pacing.PacingSnapshot.AgentView;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Issabel CallCenter's predictor ({@code Predictor.class.php}): free agents plus agents in a call
 * whose call is over by {@code elapsed + answer time} with probability at least QoS under an
 * exponential talk time with the observed mean (the unconditional CDF, as Issabel does), minus
 * queued and pending calls. The optional "overcommit" fork divides by the last 30 minutes'
 * answer-seizure ratio, floored at 0.20. Not thread-safe.
 */
public final class IssabelPolicy implements PacingPolicy {
  private static final double QOS = 0.97;
  private static final double ANSWER_SECONDS = 8;
  private static final double WINDOW_SECONDS = 1800;

  private final boolean overcommit;
  private final PacingStatistics statistics = new PacingStatistics();
  private final ArrayDeque<Double> dials = new ArrayDeque<>();
  private final ArrayDeque<Double> answers = new ArrayDeque<>();

  public IssabelPolicy(boolean overcommit) {
    this.overcommit = overcommit;
  }

  @Override
  public String name() {
    return overcommit ? "issabel overcommit" : "issabel";
  }

  @Override
  public void on(PacingEvent event) {
    statistics.on(event);
    double t = PacingEvent.seconds(event.at());
    if (event instanceof CallOriginated) {
      dials.addLast(t);
    } else if (event instanceof CallAnswered) {
      answers.addLast(t);
    }
  }

  @Override
  public int callsToStart(PacingSnapshot snapshot, Instant now) {
    double t = PacingEvent.seconds(now);
    double meanTalk = statistics.talk().mean();
    int expectedFree = 0;
    for (AgentView agent : snapshot.agents()) {
      if (agent.state() == AgentState.READY) {
        expectedFree++;
      } else if (agent.state() == AgentState.IN_CALL) {
        double elapsed = t - agent.since();
        if (1 - Math.exp(-(elapsed + ANSWER_SECONDS) / meanTalk) >= QOS) {
          expectedFree++;
        }
      }
    }
    int queued = snapshot.callsIn(CallPhase.QUEUED);
    int pending = snapshot.callsNotBridged() - queued;
    int wanted = expectedFree - queued;
    if (!overcommit) {
      return Math.max(0, wanted - pending);
    }
    evict(dials, t);
    evict(answers, t);
    double seizure = dials.isEmpty() ? 1.0 : (double) answers.size() / dials.size();
    int lines = (int) Math.floor(wanted / Math.max(seizure, 0.20));
    return Math.max(0, lines - pending);
  }

  private static void evict(ArrayDeque<Double> times, double t) {
    while (!times.isEmpty() && times.peekFirst() < t - WINDOW_SECONDS) {
      times.removeFirst();
    }
  }
}
