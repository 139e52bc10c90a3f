package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.CallPhase;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-drawn futures of one in-flight call under the TRUE scenario model, for the look-ahead
 * reference: for a call seen in phase DIALING, RINGING or ANSWERED with a given time in that phase
 * (0.25 s buckets up to 40 s), samples of when it becomes ready for an agent (seconds from now;
 * infinite if never) and whether it is a person, drawn from the model's dial draws conditioned on
 * still being in that phase. Built once per scenario and answer rate from a fixed seed, then
 * cached. Immutable; thread-safe.
 */
final class RolloutTables {
  static final double BUCKET = 0.25;
  static final int BUCKETS = 160;
  static final int SAMPLES = 4096;
  private static final int POOL = 200_000;
  private static final Map<String, RolloutTables> CACHE = new ConcurrentHashMap<>();

  /** [phase][bucket][sample]: seconds from now until ready, infinite if never. */
  private final float[][][] delay;

  /** [phase][bucket][sample]: whether the call is a person. */
  private final boolean[][][] human;

  /** Ready delays of new calls that reach an agent as a person. */
  private final float[] humanReady;

  /** P(a new call reaches an agent as a person). */
  private final double humanReadyShare;

  private RolloutTables(float[][][] delay, boolean[][][] human) {
    this.delay = delay;
    this.human = human;
    float[] fresh = delay[0][0];
    float[] people = new float[fresh.length];
    int n = 0;
    for (int i = 0; i < fresh.length; i++) {
      if (human[0][0][i] && fresh[i] < Float.POSITIVE_INFINITY) {
        people[n++] = fresh[i];
      }
    }
    this.humanReadyShare = (double) n / fresh.length;
    this.humanReady = n == 0 ? new float[] {Float.POSITIVE_INFINITY} : Arrays.copyOf(people, n);
  }

  int humanReadyCount() {
    return humanReady.length;
  }

  float humanReady(int sample) {
    return humanReady[sample];
  }

  double humanReadyShare() {
    return humanReadyShare;
  }

  /** The tables for the scenario at the given person-answer probability. */
  static RolloutTables of(Scenario scenario, double pHuman) {
    return CACHE.computeIfAbsent(scenario + "|" + pHuman, k -> build(scenario, pHuman));
  }

  /** How many samples the bucket holds (at least 1). */
  int size(int phase, int bucket) {
    return delay[phase][bucket].length;
  }

  float delay(int phase, int bucket, int sample) {
    return delay[phase][bucket][sample];
  }

  boolean human(int phase, int bucket, int sample) {
    return human[phase][bucket][sample];
  }

  /** The table row of a phase, or -1 for phases not tabulated. */
  static int row(CallPhase phase) {
    return switch (phase) {
      case DIALING -> 0;
      case RINGING -> 1;
      case ANSWERED -> 2;
      default -> -1;
    };
  }

  /** The bucket of a time in phase. */
  static int bucket(double elapsed) {
    return (int) Math.max(0, Math.min(BUCKETS - 1, Math.floor(elapsed / BUCKET)));
  }

  /** One pool dial's life: phase durations, ready time from origination and truth. */
  private record Life(
      double dialing, double ringing, double answered, double readyAt, boolean human) {}

  private static Life life(Scenario s, double pHuman, SplittableRandom random) {
    DialDraw d = DialDraw.draw(random);
    boolean isHuman = d.outcome() < pHuman;
    boolean isMachine = !isHuman && d.outcome() < pHuman + s.pMachine();
    boolean fail = !isHuman && !isMachine && d.outcome() < pHuman + s.pMachine() + s.pFail();
    double inf = Double.POSITIVE_INFINITY;
    if (fail) {
      return new Life(d.postDialDelay() + d.failRelease(), -1, -1, inf, false);
    }
    double answerAfter = isHuman ? d.humanRing() : isMachine ? d.machineRing() : inf;
    if (answerAfter > s.ringLimit()) {
      return new Life(d.postDialDelay(), s.ringLimit(), -1, inf, false);
    }
    double amd = s.amd() ? (isHuman ? d.humanAmdDelay() : d.machineAmdDelay()) : 1.0;
    boolean wrong = d.amdError() < (isHuman ? s.falsePositive() : s.falseNegative());
    boolean passed = !s.amd() || isHuman != wrong;
    double ready = passed ? d.postDialDelay() + answerAfter + amd : inf;
    return new Life(d.postDialDelay(), answerAfter, amd, ready, isHuman && passed);
  }

  private static RolloutTables build(Scenario s, double pHuman) {
    SplittableRandom random = new SplittableRandom(0x5EEDL ^ s.id().hashCode());
    Life[] pool = new Life[POOL];
    for (int i = 0; i < POOL; i++) {
      pool[i] = life(s, pHuman, random);
    }
    float[][][] delay = new float[3][BUCKETS][];
    boolean[][][] human = new boolean[3][BUCKETS][];
    float[] d = new float[SAMPLES];
    boolean[] h = new boolean[SAMPLES];
    for (int phase = 0; phase < 3; phase++) {
      for (int b = 0; b < BUCKETS; b++) {
        double e = b * BUCKET + BUCKET / 2;
        int n = 0;
        for (int i = 0; i < POOL && n < SAMPLES; i++) {
          double fromNow = sinceNow(pool[i], phase, e);
          if (!Double.isNaN(fromNow)) {
            d[n] = (float) fromNow;
            h[n] = pool[i].human();
            n++;
          }
        }
        if (n == 0) {
          d[0] = Float.POSITIVE_INFINITY;
          h[0] = false;
          n = 1;
        }
        delay[phase][b] = Arrays.copyOf(d, n);
        human[phase][b] = Arrays.copyOf(h, n);
      }
    }
    return new RolloutTables(delay, human);
  }

  /** Seconds from now to ready if the dial is consistent with the observation, else NaN. */
  private static double sinceNow(Life life, int phase, double elapsed) {
    double start;
    double duration;
    if (phase == 0) {
      start = 0;
      duration = life.dialing();
    } else if (phase == 1) {
      start = life.dialing();
      duration = life.ringing();
    } else {
      start = life.dialing() + life.ringing();
      duration = life.answered();
    }
    if (duration <= elapsed) {
      return Double.NaN;
    }
    return life.readyAt() - (start + elapsed);
  }
}
