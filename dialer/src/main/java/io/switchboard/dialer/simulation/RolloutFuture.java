package io.switchboard.dialer.simulation;

import java.util.Arrays;

/**
 * One Monte Carlo future of the look-ahead reference: agent-free times within the horizon, the
 * in-flight calls that become ready within it, and lazily drawn new calls, each with its handling
 * time drawn once so that futures with n and n + 1 new calls share every draw. Not thread-safe.
 */
final class RolloutFuture {
  private static final double GRACE = 2.0;

  private final RolloutReference owner;
  private final RolloutTables tables;
  private final double[] free;
  private double[] ready;
  private boolean[] human;
  private double[] handling;
  private int inFlight;
  private int drawnNew;
  private double probeReady = Double.NaN;
  private double probeHandling;

  RolloutFuture(
      RolloutReference owner,
      RolloutTables tables,
      double[] free,
      double[] ready,
      boolean[] human,
      int calls) {
    this.owner = owner;
    this.tables = tables;
    this.free = free;
    this.ready = ready;
    this.human = human;
    this.inFlight = calls;
    this.handling = new double[ready.length];
    for (int i = 0; i < calls; i++) {
      handling[i] = owner.handling(human[i], 0);
    }
  }

  /** Human drops in this future if {@code extra} new calls start now. */
  int drops(int extra) {
    return drops(extra, false);
  }

  /**
   * Human drops if {@code extra} new calls start now and one more, which is surely a person (its
   * ready time drawn from the person-ready share of new calls), the probe.
   */
  int dropsWithProbe(int extra) {
    return drops(extra, true);
  }

  private int drops(int extra, boolean probe) {
    while (drawnNew < extra) {
      drawNew();
    }
    if (probe && Double.isNaN(probeReady)) {
      int sample = owner.random().nextInt(tables.humanReadyCount());
      probeReady = tables.humanReady(sample);
      probeHandling = owner.handling(true, 0);
    }
    if (probe) {
      int slot = inFlight + extra;
      ensure(slot + 1);
      ready[slot] = probeReady;
      human[slot] = true;
      handling[slot] = probeHandling;
    }
    int total = inFlight + extra + (probe ? 1 : 0);
    int[] order = new int[total];
    for (int i = 0; i < total; i++) {
      order[i] = i;
      int j = i;
      while (j > 0 && ready[order[j - 1]] > ready[order[j]]) {
        int swap = order[j];
        order[j] = order[j - 1];
        order[j - 1] = swap;
        j--;
      }
    }
    double[] agents = Arrays.copyOf(free, free.length);
    int drops = 0;
    for (int c : order) {
      double r = ready[c];
      if (r == Double.POSITIVE_INFINITY) {
        break;
      }
      int best = -1;
      for (int a = 0; a < agents.length; a++) {
        if (best < 0 || agents[a] < agents[best]) {
          best = a;
        }
      }
      if (best >= 0 && agents[best] <= r + GRACE) {
        agents[best] = Math.max(r, agents[best]) + handling[c];
      } else if (human[c]) {
        drops++;
      }
    }
    return drops;
  }

  private void ensure(int length) {
    if (length > ready.length) {
      int size = Math.max(length, ready.length * 2 + 4);
      ready = Arrays.copyOf(ready, size);
      human = Arrays.copyOf(human, size);
      handling = Arrays.copyOf(handling, size);
    }
  }

  private void drawNew() {
    int index = inFlight + drawnNew;
    ensure(index + 1);
    int sample = owner.random().nextInt(tables.size(0, 0));
    double at = tables.delay(0, 0, sample);
    ready[index] = at <= RolloutReference.HORIZON ? at : Double.POSITIVE_INFINITY;
    human[index] = tables.human(0, 0, sample);
    handling[index] = owner.handling(human[index], 0);
    drawnNew++;
  }
}
