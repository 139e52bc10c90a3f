package io.switchboard.pbxsim.traffic;

import io.switchboard.pbxsim.model.CallBehaviour;
import io.switchboard.pbxsim.model.OriginateScript;
import io.switchboard.pbxsim.model.PbxModel;
import io.switchboard.pbxsim.model.SimScheduler;
import io.switchboard.pbxsim.scenario.OriginateSpec;
import io.switchboard.pbxsim.scenario.TrafficSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded inbound traffic: Poisson arrivals into the scenario's queues with drawn answer delay, talk
 * time, patience and hang-up side, and the outcome mix for unscripted Originates. Every source has
 * its own random stream split from the seed, so changing one (say the talk-time law) does not shift
 * the others. Runs on the model's thread.
 */
public final class TrafficGenerator {

  private final PbxModel model;
  private final SimScheduler scheduler;
  private final TrafficSpec spec;
  private final RandomGenerator arrivals;
  private final RandomGenerator queueChoice;
  private final RandomGenerator callers;
  private final RandomGenerator answers;
  private final RandomGenerator talks;
  private final RandomGenerator patience;
  private final RandomGenerator hangups;
  private final RandomGenerator outcomes;
  private final double perSecond;
  private final List<String> queueNames = new ArrayList<>();
  private final List<Double> cumulative = new ArrayList<>();
  private SimScheduler.Timer next;
  private long placed;
  private long skipped;

  public TrafficGenerator(PbxModel model, SimScheduler scheduler, TrafficSpec spec, long seed) {
    this.model = model;
    this.scheduler = scheduler;
    this.spec = spec;
    SplittableRandom root = new SplittableRandom(seed);
    this.arrivals = root.split();
    this.queueChoice = root.split();
    this.callers = root.split();
    this.answers = root.split();
    this.talks = root.split();
    this.patience = root.split();
    this.hangups = root.split();
    this.outcomes = root.split();
    this.perSecond = TrafficSpec.perSecond(spec.rate());
    double total = 0;
    List<Map.Entry<String, Double>> weights = spec.weights();
    if (weights.isEmpty()) {
      model.queues().forEach(q -> queueNames.add(q.name()));
      for (int i = 0; i < queueNames.size(); i++) {
        cumulative.add((double) (i + 1));
      }
    } else {
      for (Map.Entry<String, Double> w : weights) {
        total += w.getValue();
        queueNames.add(w.getKey());
        cumulative.add(total);
      }
    }
  }

  /** Starts placing calls; the first arrives after one drawn gap. */
  public void start() {
    if (perSecond > 0 && !queueNames.isEmpty()) {
      scheduleNext();
    }
  }

  public void stop() {
    if (next != null) {
      next.cancel();
      next = null;
    }
  }

  public long placed() {
    return placed;
  }

  public long skipped() {
    return skipped;
  }

  private void scheduleNext() {
    long gap = Math.max(1, Math.round(-Math.log(1 - arrivals.nextDouble()) / perSecond * 1000));
    next = scheduler.schedule(gap, this::arrive);
  }

  private void arrive() {
    scheduleNext();
    if (model.channels().size() >= spec.maxConcurrentCalls()) {
      skipped++;
      return;
    }
    double pick = queueChoice.nextDouble() * cumulative.get(cumulative.size() - 1);
    String queue = queueNames.get(queueNames.size() - 1);
    for (int i = 0; i < cumulative.size(); i++) {
      if (pick < cumulative.get(i)) {
        queue = queueNames.get(i);
        break;
      }
    }
    String number = String.format(Locale.ROOT, "+4420%08d", callers.nextInt(100_000_000));
    CallBehaviour behaviour =
        new CallBehaviour(
            spec.answerDelay().drawMillis(answers),
            spec.talk().drawMillis(talks),
            hangups.nextDouble() < spec.agentHangupShare(),
            spec.patience().drawMillis(patience));
    model.placeInboundCall(queue, number, null, behaviour);
    placed++;
  }

  /** The policy for Originates no test scripted: outcome shares, AMD share, ring and talk time. */
  public OriginateScript originateOutcome(OriginateSpec o) {
    double total = o.answered() + o.busy() + o.noAnswer() + o.congestion() + o.failed();
    double x = outcomes.nextDouble() * total;
    long ring = o.ring().drawMillis(outcomes);
    OriginateScript.Outcome outcome;
    if ((x -= o.answered()) < 0) {
      outcome = OriginateScript.Outcome.ANSWERED;
    } else if ((x -= o.busy()) < 0) {
      outcome = OriginateScript.Outcome.BUSY;
    } else if ((x -= o.noAnswer()) < 0) {
      outcome = OriginateScript.Outcome.NO_ANSWER;
    } else if ((x -= o.congestion()) < 0) {
      outcome = OriginateScript.Outcome.CONGESTION;
    } else {
      outcome = OriginateScript.Outcome.FAILED;
    }
    OriginateScript script = OriginateScript.of(outcome, ring);
    if (outcome == OriginateScript.Outcome.ANSWERED && outcomes.nextDouble() < o.machine()) {
      script = script.withMachine();
    }
    Long talk = o.talk() == null ? spec.talk().drawMillis(outcomes) : o.talk().drawMillis(outcomes);
    return script.withTalk(talk).withAgentAnswer(spec.answerDelay().drawMillis(outcomes));
  }
}
