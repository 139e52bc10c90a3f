package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.AgentState;
import io.switchboard.dialer.pacing.CallOutcome;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.pacing.PacingEvent.AgentStateChanged;
import io.switchboard.dialer.pacing.PacingEvent.AmdResult;
import io.switchboard.dialer.pacing.PacingEvent.CallAnswered;
import io.switchboard.dialer.pacing.PacingEvent.CallBridged;
import io.switchboard.dialer.pacing.PacingEvent.CallEnded;
import io.switchboard.dialer.pacing.PacingEvent.CallOriginated;
import io.switchboard.dialer.pacing.PacingEvent.CallQueued;
import io.switchboard.dialer.pacing.PacingEvent.CallRinging;
import io.switchboard.dialer.pacing.PacingPolicy;
import io.switchboard.dialer.pacing.PacingTracker;
import io.switchboard.dialer.simulation.SimCall.Truth;
import io.switchboard.dialer.simulation.SimEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic discrete-event simulation of one 8 h dialing day (reference section 4.1): dials,
 * ringing, AMD, a 2 s grace queue to the longest-idle agent, talk and wrap-up. The policy sees only
 * normalized events and a snapshot rebuilt from them, and is asked every second and whenever an
 * agent becomes ready. The same scenario, seed and policy give a byte-identical event log. Not
 * thread-safe; run each day on one thread.
 */
public final class DaySimulation {
  /** The instant simulated time zero maps to (09:00 UTC; the shift ends at 17:00). */
  public static final Instant DAY_START = Instant.parse("2025-01-06T09:00:00Z");

  private static final double GRACE = 2.0;
  private static final double PAUSE_SECONDS = 360;

  private final Scenario scenario;
  private final long seed;
  private final PacingPolicy policy;
  private final Consumer<PacingEvent> observer;
  private final MessageDigest digest;
  private final PacingTracker tracker = new PacingTracker();
  private final PriorityQueue<SimEvent> queue = new PriorityQueue<>();
  private final List<SimCall> calls = new ArrayList<>();
  private final SimAgent[] agents;
  private final ArrayDeque<SimCall> waiting = new ArrayDeque<>();
  private final DayMetrics metrics = new DayMetrics();
  private long sequence;
  private long conversations;
  private double now;

  /**
   * @param observer receives every event the policy receives (may be null)
   * @param hashLog whether to hash the event log into the result
   */
  public DaySimulation(
      Scenario scenario,
      long seed,
      PacingPolicy policy,
      Consumer<PacingEvent> observer,
      boolean hashLog) {
    this.scenario = scenario;
    this.seed = seed;
    this.policy = policy;
    this.observer = observer;
    this.digest = hashLog ? sha256() : null;
    this.agents = new SimAgent[scenario.agents()];
    for (int i = 0; i < agents.length; i++) {
      agents[i] = new SimAgent(i);
      agents[i].nextPause =
          scenario.pauses() ? 600 + 3600.0 * i / agents.length : Double.POSITIVE_INFINITY;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** Runs the day and returns its figures. */
  public DayResult run() {
    for (SimAgent agent : agents) {
      setState(agent, AgentState.READY);
      agent.idleSince = 0;
    }
    schedule(0, Kind.TICK, -1, -1);
    while (!queue.isEmpty() && queue.peek().time() < Scenario.SHIFT_SECONDS) {
      SimEvent event = queue.poll();
      now = event.time();
      handle(event);
    }
    now = Scenario.SHIFT_SECONDS;
    for (SimAgent agent : agents) {
      metrics.agentTime(agent.state, agent.humanCall, now - agent.since);
    }
    String hash = digest == null ? "" : HexFormat.of().formatHex(digest.digest());
    return metrics.result(hash);
  }

  private void handle(SimEvent event) {
    SimCall call = event.call() >= 0 ? calls.get(event.call()) : null;
    SimAgent agent = event.agent() >= 0 ? agents[event.agent()] : null;
    switch (event.kind()) {
      case TICK -> {
        poll();
        schedule(now + 1.0, Kind.TICK, -1, -1);
      }
      case RING -> ring(call);
      case RELEASE -> emit(new CallEnded(call.id, releaseOutcome(call), instant()));
      case ANSWER -> answer(call);
      case AMD_DONE -> amdDone(call);
      case READY -> ready(call);
      case GRACE_EXPIRE -> graceExpired(call);
      case TALK_END -> talkEnd(call, agent);
      case WRAP_END, PAUSE_END -> agentFree(agent);
      default -> throw new IllegalStateException("unhandled " + event.kind());
    }
  }

  private static CallOutcome releaseOutcome(SimCall call) {
    return call.truth == Truth.FAIL ? CallOutcome.FAILED : CallOutcome.NO_ANSWER;
  }

  private void poll() {
    if (now >= Scenario.SHIFT_SECONDS) {
      return;
    }
    int wanted = policy.callsToStart(tracker, instant());
    int room = 3 * agents.length - tracker.callsInProgress();
    for (int i = 0; i < Math.min(wanted, room); i++) {
      originate();
    }
  }

  private void originate() {
    int index = calls.size();
    SplittableRandom random = RandomStreams.stream(seed, RandomStreams.Source.DIAL, index);
    DialDraw draw = DialDraw.draw(random);
    double pHuman = scenario.pHumanAt(now);
    Truth truth;
    if (draw.outcome() < pHuman) {
      truth = Truth.HUMAN;
    } else if (draw.outcome() < pHuman + scenario.pMachine()) {
      truth = Truth.MACHINE;
    } else if (draw.outcome() < pHuman + scenario.pMachine() + scenario.pFail()) {
      truth = Truth.FAIL;
    } else {
      truth = Truth.NO_ANSWER;
    }
    SimCall call = new SimCall(index, draw, truth);
    calls.add(call);
    metrics.dials++;
    emit(new CallOriginated(call.id, instant()));
    if (truth == Truth.FAIL) {
      schedule(now + draw.postDialDelay() + draw.failRelease(), Kind.RELEASE, index, -1);
    } else {
      schedule(now + draw.postDialDelay(), Kind.RING, index, -1);
    }
  }

  private void ring(SimCall call) {
    emit(new CallRinging(call.id, instant()));
    double answerAfter =
        switch (call.truth) {
          case HUMAN -> call.draw.humanRing();
          case MACHINE -> call.draw.machineRing();
          default -> Double.POSITIVE_INFINITY;
        };
    if (answerAfter <= scenario.ringLimit()) {
      schedule(now + answerAfter, Kind.ANSWER, call.index, -1);
    } else {
      schedule(now + scenario.ringLimit(), Kind.RELEASE, call.index, -1);
    }
  }

  private void answer(SimCall call) {
    emit(new CallAnswered(call.id, instant()));
    boolean human = call.truth == Truth.HUMAN;
    if (human) {
      metrics.liveAnswered++;
      metrics.liveByMinute[DayMetrics.minute(now)]++;
    }
    if (scenario.amd()) {
      double delay = human ? call.draw.humanAmdDelay() : call.draw.machineAmdDelay();
      schedule(now + delay, Kind.AMD_DONE, call.index, -1);
    } else {
      schedule(now + 1.0, Kind.READY, call.index, -1);
    }
  }

  private void amdDone(SimCall call) {
    boolean human = call.truth == Truth.HUMAN;
    boolean wrong =
        call.draw.amdError() < (human ? scenario.falsePositive() : scenario.falseNegative());
    boolean passed = human != wrong;
    emit(new AmdResult(call.id, passed, instant()));
    if (passed) {
      ready(call);
    } else {
      if (human) {
        metrics.falsePositives++;
        metrics.falsePositivesByMinute[DayMetrics.minute(now)]++;
      }
      emit(new CallEnded(call.id, CallOutcome.MACHINE, instant()));
    }
  }

  private void ready(SimCall call) {
    call.readyAt = now;
    emit(new CallQueued(call.id, instant()));
    SimAgent agent = longestIdle();
    if (agent != null) {
      bridge(call, agent);
    } else {
      call.waiting = true;
      waiting.addLast(call);
      schedule(now + GRACE, Kind.GRACE_EXPIRE, call.index, -1);
    }
  }

  private SimAgent longestIdle() {
    SimAgent best = null;
    for (SimAgent agent : agents) {
      if (agent.state == AgentState.READY && (best == null || agent.idleSince < best.idleSince)) {
        best = agent;
      }
    }
    return best;
  }

  private void bridge(SimCall call, SimAgent agent) {
    call.waiting = false;
    boolean human = call.truth == Truth.HUMAN;
    emit(new CallBridged(call.id, agent.id, instant()));
    agent.humanCall = human;
    setState(agent, AgentState.IN_CALL);
    double talk;
    if (human) {
      metrics.conversation(now - agent.idleSince, now - call.readyAt);
      SplittableRandom random =
          RandomStreams.stream(seed, RandomStreams.Source.TALK, conversations++);
      talk = scenario.talk().sample(random, now);
      agent.wrapAfter =
          TalkModel.lognormal(Scenario.WRAP_MEAN, Scenario.WRAP_CV, random.nextGaussian());
    } else {
      talk = call.draw.machineHandling();
      agent.wrapAfter = 5.0;
    }
    schedule(now + talk, Kind.TALK_END, call.index, agent.index);
  }

  private void graceExpired(SimCall call) {
    if (!call.waiting) {
      return;
    }
    call.waiting = false;
    waiting.remove(call);
    if (call.truth == Truth.HUMAN) {
      metrics.abandonedLive++;
      metrics.abandonedByMinute[DayMetrics.minute(now)]++;
    } else {
      metrics.abandonedMachines++;
    }
    emit(new CallEnded(call.id, CallOutcome.ABANDONED, instant()));
  }

  private void talkEnd(SimCall call, SimAgent agent) {
    boolean human = call.truth == Truth.HUMAN;
    if (!human) {
      metrics.agentCodedMachines++;
    }
    emit(
        new CallEnded(
            call.id, human ? CallOutcome.COMPLETED : CallOutcome.AGENT_CODED_MACHINE, instant()));
    setState(agent, AgentState.WRAP_UP);
    schedule(now + agent.wrapAfter, Kind.WRAP_END, -1, agent.index);
  }

  private void agentFree(SimAgent agent) {
    if (agent.state != AgentState.PAUSED && now >= agent.nextPause) {
      agent.nextPause += 3600;
      setState(agent, AgentState.PAUSED);
      schedule(now + PAUSE_SECONDS, Kind.PAUSE_END, -1, agent.index);
      return;
    }
    setState(agent, AgentState.READY);
    agent.idleSince = now;
    SimCall next = waiting.pollFirst();
    if (next != null) {
      bridge(next, agent);
    } else {
      poll();
    }
  }

  private void setState(SimAgent agent, AgentState state) {
    metrics.agentTime(agent.state, agent.humanCall, now - agent.since);
    agent.state = state;
    agent.since = now;
    emit(new AgentStateChanged(agent.id, state, instant()));
  }

  private void schedule(double time, Kind kind, int call, int agent) {
    queue.add(new SimEvent(time, kind, sequence++, call, agent));
  }

  private Instant instant() {
    return DAY_START.plusNanos(Math.round(now * 1e9));
  }

  private void emit(PacingEvent event) {
    if (digest != null) {
      digest.update(event.toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    if (observer != null) {
      observer.accept(event);
    }
    tracker.on(event);
    policy.on(event);
  }
}
