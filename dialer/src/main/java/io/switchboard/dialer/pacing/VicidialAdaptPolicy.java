package io.switchboard.dialer.pacing;

import io.switchboard.dialer.pacing.PacingEvent.CallEnded;
import io.switchboard.dialer.pacing.PacingEvent.CallOriginated;
import io.switchboard.dialer.pacing.PacingEvent.CallQueued;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * VICIdial's ADAPT_HARD_LIMIT / ADAPT_AVERAGE / ADAPT_TAPERED pacing, re-implemented from {@code
 * AST_VDadapt.pl} and {@code AST_VDauto_dial.pl}: a 1 s sampler of ready agents and waiting calls
 * (last 15 samples), the dial level recomputed every 15 s, drop statistics every 60 s, and {@code
 * make = round(level x agents) - existing calls}. Not thread-safe.
 */
public final class VicidialAdaptPolicy implements PacingPolicy {
  private static final int SAMPLES = 15;

  private final VicidialSettings settings;
  private final double[] ready = new double[SAMPLES];
  private final double[] waiting = new double[SAMPLES];
  private final double[] total = new double[SAMPLES];
  private final ArrayDeque<Double> callsLastMinute = new ArrayDeque<>();
  private final ArrayDeque<Double> dropsLastMinute = new ArrayDeque<>();
  private int samples;
  private double nextSample = Double.NaN;
  private double nextLevel;
  private double nextDropStats;
  private double level = 1.0;
  private long callsToday;
  private long answersToday;
  private long dropsToday;
  private double dropPercentToday;

  public VicidialAdaptPolicy(VicidialSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    String method = settings.method().name().substring("ADAPT_".length()).toLowerCase(Locale.ROOT);
    return String.format(
        Locale.ROOT, "vicidial %s dt%d i%d", method, settings.dlDiffTarget(), settings.intensity());
  }

  /** The current dial level (lines per active agent). */
  public double level() {
    return level;
  }

  @Override
  public void on(PacingEvent event) {
    double t = PacingEvent.seconds(event.at());
    if (event instanceof CallOriginated) {
      callsToday++;
      callsLastMinute.addLast(t);
    } else if (event instanceof CallQueued) {
      answersToday++;
    } else if (event instanceof CallEnded e) {
      if (e.outcome() == CallOutcome.ABANDONED) {
        dropsToday++;
        dropsLastMinute.addLast(t);
      } else if (e.outcome() == CallOutcome.AGENT_CODED_MACHINE) {
        answersToday--;
      }
    }
  }

  @Override
  public int callsToStart(PacingSnapshot snapshot, Instant now) {
    double t = PacingEvent.seconds(now);
    if (Double.isNaN(nextSample)) {
      nextSample = t;
      nextLevel = t + 15;
      nextDropStats = t + 60;
    }
    while (t >= nextSample) {
      sample(snapshot);
      nextSample += 1.0;
    }
    if (t >= nextDropStats) {
      dropPercentToday = answersToday > 0 ? 100.0 * dropsToday / answersToday : 0;
      nextDropStats += 60;
    }
    if (t >= nextLevel) {
      recalculate(t, now);
      nextLevel += 15;
    }
    int agents = snapshot.agentsIn(AgentState.READY) + snapshot.agentsIn(AgentState.IN_CALL);
    long goal = Math.round(level * agents);
    return (int) Math.max(0, goal - snapshot.callsInProgress());
  }

  private void sample(PacingSnapshot snapshot) {
    int slot = samples % SAMPLES;
    ready[slot] = snapshot.agentsIn(AgentState.READY);
    waiting[slot] = snapshot.callsIn(CallPhase.QUEUED);
    total[slot] = snapshot.agents().size();
    samples++;
  }

  private void recalculate(double t, Instant now) {
    int n = Math.min(samples, SAMPLES);
    if (n == 0) {
      return;
    }
    double avgReady = 0;
    double avgWaiting = 0;
    double agentsAvg = 0;
    for (int i = 0; i < n; i++) {
      avgReady += ready[i] / n;
      avgWaiting += waiting[i] / n;
      agentsAvg += total[i] / n;
    }
    double differential = avgReady - avgWaiting + settings.dlDiffTarget();
    double pct = differential == 0 || agentsAvg == 0 ? 0 : 100 * differential / agentsAvg;
    double k = settings.intensity() / 100.0;
    double intensified = pct < 0 ? pct * Math.abs(k - 1) : pct * (k + 1);
    double next = level * (1 + intensified / 100);
    next = Math.max(Math.min(next, settings.maximumLevel()), 1.0);
    evict(callsLastMinute, t);
    evict(dropsLastMinute, t);
    if (callsLastMinute.size() > 20 && dropsLastMinute.size() * 2 > callsLastMinute.size()) {
      next /= 2;
    }
    if (callsToday > 50 && dropPercentToday > settings.droppedPercentage()) {
      next = overLimit(next, now);
    }
    level = Math.max(next, 1.0);
  }

  private double overLimit(double next, Instant now) {
    switch (settings.method()) {
      case ADAPT_HARD_LIMIT:
        return 1.0;
      case ADAPT_AVERAGE:
        return next / 2;
      case ADAPT_TAPERED:
        LocalTime clock = LocalTime.ofInstant(now, settings.zone());
        int hhmm = clock.getHour() * 100 + clock.getMinute();
        int left = settings.latestServerTime() - hhmm;
        return left < 0 ? 1.0 : next * Math.min(1.0, left / 1000.0);
      default:
        throw new IllegalStateException("unknown method " + settings.method());
    }
  }

  private static void evict(ArrayDeque<Double> times, double t) {
    while (!times.isEmpty() && times.peekFirst() < t - 60) {
      times.removeFirst();
    }
  }
}
