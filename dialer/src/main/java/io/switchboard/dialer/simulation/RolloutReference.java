package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.CallPhase;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.pacing.PacingPolicy;
import io.switchboard.dialer.pacing.PacingSnapshot;
import io.switchboard.dialer.pacing.PacingSnapshot.AgentView;
import io.switchboard.dialer.pacing.PacingSnapshot.CallView;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Reference B of section 4.3, the look-ahead rollout ("informed frontier"). It is a benchmark
 * reference, NOT a product policy: it knows the scenario's true parameters. Once a second it draws
 * K futures of agent-free times and in-flight call outcomes from the true model, then adds the n-th
 * new call only while that call's marginal expected drop (drops with n calls minus drops with n −
 * 1, averaged over the futures, with common draws) is at most α · p_live. α is tuned offline on
 * tuning seeds ({@link SettingsSearch#bestRolloutAlpha}). Within a future, ready calls are served
 * first come first served by the earliest-free agent within the 2 s grace; an agent who takes a
 * call is free again after its sampled handling and wrap-up. It decides only on the 1 s ticks. Not
 * thread-safe; one instance per simulated day.
 */
public final class RolloutReference implements PacingPolicy {
  /** Look-ahead horizon: the longest dial-to-ready time (4 + 20 + 5 s) plus grace and slack. */
  static final double HORIZON = 40;

  private static final double DAY_ZERO = PacingEvent.seconds(DaySimulation.DAY_START);

  private final Scenario scenario;
  private final double alpha;
  private final int futures;
  private final SplittableRandom random;
  private final double machineShare;

  /**
   * @param alpha the threshold on a new call's marginal drop per live answer
   * @param futures K, the number of Monte Carlo futures per decision
   */
  public RolloutReference(Scenario scenario, double alpha, int futures) {
    this.scenario = scenario;
    this.alpha = alpha;
    this.futures = futures;
    this.random = new SplittableRandom(0x0B5E55EDL + scenario.id().hashCode());
    double passedHumans = scenario.pHuman() * (scenario.amd() ? 1 - scenario.falsePositive() : 1);
    double passedMachines = scenario.pMachine() * (scenario.amd() ? scenario.falseNegative() : 1);
    this.machineShare = passedMachines / (passedHumans + passedMachines);
  }

  @Override
  public String name() {
    return "look-ahead reference (offline-tuned)";
  }

  @Override
  public void on(PacingEvent event) {
    // Everything it needs is in the snapshot and the true model.
  }

  @Override
  public int callsToStart(PacingSnapshot snapshot, Instant now) {
    if (now.getNano() != 0) {
      return 0;
    }
    int room = 3 * scenario.agents() - snapshot.callsInProgress();
    if (room <= 0) {
      return 0;
    }
    double t = PacingEvent.seconds(now);
    double pLive = scenario.pHumanAt(t - DAY_ZERO);
    RolloutTables tables = RolloutTables.of(scenario, pLive);
    RolloutFuture[] drawn = new RolloutFuture[futures];
    AgentOutlook[] outlooks = outlooks(snapshot, t);
    for (int k = 0; k < futures; k++) {
      drawn[k] = draw(snapshot, outlooks, tables, t);
    }
    double threshold = alpha * pLive;
    int n = 0;
    while (n < room) {
      long extraDrops = 0;
      for (int k = 0; k < futures; k++) {
        extraDrops += drawn[k].dropsWithProbe(n) - drawn[k].drops(n);
      }
      double marginal = tables.humanReadyShare() * extraDrops / futures;
      if (marginal > threshold) {
        break;
      }
      n++;
    }
    return n;
  }

  private AgentOutlook[] outlooks(PacingSnapshot snapshot, double t) {
    AgentOutlook[] result = new AgentOutlook[snapshot.agents().size()];
    int i = 0;
    TalkModel talk = scenario.talk();
    for (AgentView agent : snapshot.agents()) {
      double bridgedAt = agent.since() - DAY_ZERO;
      double mean =
          talk.driftAt() >= 0 && bridgedAt >= talk.driftAt() ? talk.driftMean() : talk.mean();
      result[i++] =
          new AgentOutlook(scenario, agent.state(), t - agent.since(), mean, machineShare, HORIZON);
    }
    return result;
  }

  private RolloutFuture draw(
      PacingSnapshot snapshot, AgentOutlook[] outlooks, RolloutTables tables, double t) {
    double[] free = new double[outlooks.length + 8];
    int agents = 0;
    for (AgentOutlook outlook : outlooks) {
      double f = outlook.sample(random);
      if (f < Double.POSITIVE_INFINITY) {
        free[agents++] = f;
      }
    }
    int capacity = snapshot.callsInProgress() + 8;
    double[] ready = new double[capacity];
    boolean[] human = new boolean[capacity];
    int calls = 0;
    double queuedHuman = 1 - machineShare;
    for (CallView call : snapshot.calls()) {
      double elapsed = t - call.phaseSince();
      int row = RolloutTables.row(call.phase());
      double at;
      boolean person;
      if (row >= 0) {
        int bucket = RolloutTables.bucket(elapsed);
        int sample = random.nextInt(tables.size(row, bucket));
        at = tables.delay(row, bucket, sample);
        person = tables.human(row, bucket, sample);
      } else if (call.phase() == CallPhase.QUEUED) {
        at = -elapsed;
        person = random.nextDouble() < queuedHuman;
      } else {
        continue;
      }
      if (at <= HORIZON) {
        ready[calls] = at;
        human[calls] = person;
        calls++;
      }
    }
    return new RolloutFuture(this, tables, Arrays.copyOf(free, agents), ready, human, calls);
  }

  /** How long an agent stays busy with a call it takes (talk or handling, plus wrap-up). */
  double handling(boolean person, double at) {
    if (!person) {
      return 3 + 5 * random.nextDouble() + 5;
    }
    return scenario.talk().sample(random, at)
        + TalkModel.lognormal(Scenario.WRAP_MEAN, Scenario.WRAP_CV, random.nextGaussian());
  }

  SplittableRandom random() {
    return random;
  }
}
