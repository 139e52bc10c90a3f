package io.switchboard.deploy.ami;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a test does at which whole simulated second, run by the test thread one second at a time:
 * move the clocks, run that second's steps (a step may schedule later ones), let the simulator run
 * what they queued, then wait until the trackers have seen it all (see {@link
 * BridgeBench#barrier()}). Whole seconds keep every simulator timer on a step, so the trackers time
 * every event exactly.
 */
final class Timeline {

  private final BridgeBench bench;
  private final long originMillis;
  private final TreeMap<Long, ArrayDeque<Runnable>> steps = new TreeMap<>();
  private long second;
  private boolean offline;

  Timeline(BridgeBench bench) {
    this.bench = bench;
    this.originMillis = bench.now();
  }

  /** The current second, counted from the timeline's start. */
  long second() {
    return second;
  }

  /**
   * While offline (the AMI session is down) seconds run without waiting for the trackers, which
   * cannot hear the simulator.
   */
  void offline(boolean isOffline) {
    offline = isOffline;
  }

  /** Simulated epoch milliseconds of a second of this timeline. */
  long millisAt(long atSecond) {
    return originMillis + atSecond * 1000;
  }

  /** Runs {@code step} at {@code atSecond} (now or later). */
  void at(long atSecond, Runnable step) {
    if (atSecond < second) {
      throw new IllegalArgumentException("second " + atSecond + " is past (now " + second + ")");
    }
    steps.computeIfAbsent(atSecond, s -> new ArrayDeque<>()).add(step);
  }

  /** Runs every second up to and including {@code lastSecond}. */
  void runUntil(long lastSecond) {
    while (second <= lastSecond) {
      runSecond();
      second++;
    }
    second = lastSecond + 1;
  }

  /** Runs until no step is left and the simulator has no channel; fails after {@code maxSecond}. */
  void runUntilQuiet(long maxSecond) {
    while (!steps.isEmpty() || !bench.await(bench.sim().onModel(m -> m.channels().isEmpty()))) {
      if (second > maxSecond) {
        throw new AssertionError(
            "calls still going at second " + maxSecond + "; steps left at " + steps.keySet());
      }
      runSecond();
      second++;
    }
  }

  private void runSecond() {
    bench.moveTo(millisAt(second));
    ArrayDeque<Runnable> now = steps.get(second);
    while (now != null && !now.isEmpty()) {
      now.poll().run();
    }
    steps.remove(second);
    bench.runDue();
    if (!offline) {
      bench.barrier();
    }
  }

  /** Steps not yet run, by second (diagnostics). */
  Map<Long, Integer> pending() {
    Map<Long, Integer> counts = new TreeMap<>();
    steps.forEach((s, list) -> counts.put(s, list.size()));
    return counts;
  }
}
