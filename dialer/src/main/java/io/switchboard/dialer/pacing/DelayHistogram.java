package io.switchboard.dialer.pacing;

/**
 * An empirical distribution of short delays (0.5 s bins up to 120 s) with a uniform prior worth a
 * few samples, for ring and AMD timing. Not thread-safe.
 */
public final class DelayHistogram {
  private static final double BIN = 0.5;
  private static final int BINS = 240;

  private final double[] counts = new double[BINS];
  private final double[] cumulative = new double[BINS + 1];
  private double total;
  private boolean dirty = true;

  /** A histogram whose prior spreads {@code priorWeight} samples uniformly over [low, high). */
  public DelayHistogram(double low, double high, double priorWeight) {
    int from = bin(low);
    int to = Math.max(from + 1, bin(high));
    for (int i = from; i < to; i++) {
      counts[i] += priorWeight / (to - from);
    }
    total = priorWeight;
  }

  private static int bin(double seconds) {
    return (int) Math.min(BINS - 1, Math.max(0, Math.floor(seconds / BIN)));
  }

  /** Adds one observed delay in seconds. */
  public void add(double seconds) {
    counts[bin(seconds)] += 1;
    total += 1;
    dirty = true;
  }

  private void refresh() {
    if (dirty) {
      double sum = 0;
      for (int i = 0; i < BINS; i++) {
        cumulative[i] = sum;
        sum += counts[i];
      }
      cumulative[BINS] = sum;
      dirty = false;
    }
  }

  /** P(delay <= seconds), linear within a bin. */
  public double cdf(double seconds) {
    if (seconds <= 0) {
      return 0;
    }
    refresh();
    double position = seconds / BIN;
    if (position >= BINS) {
      return 1.0;
    }
    int i = (int) position;
    double within = cumulative[i] + counts[i] * (position - i);
    return within / total;
  }

  /** The p-quantile of the delay. */
  public double quantile(double p) {
    refresh();
    double wanted = p * total;
    for (int i = 0; i < BINS; i++) {
      if (cumulative[i + 1] >= wanted && counts[i] > 0) {
        return (i + (wanted - cumulative[i]) / counts[i]) * BIN;
      }
    }
    return BINS * BIN;
  }
}
