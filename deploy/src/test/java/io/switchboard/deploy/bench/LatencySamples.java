package io.switchboard.deploy.bench;

import java.util.Arrays;

/**
 * The latencies of one measured window, in nanoseconds, up to a fixed number of samples (later ones
 * are counted as dropped, never stored). Thread-safe: samples arrive from several event loops.
 */
final class LatencySamples {

  private final long[] values;
  private int count;
  private long dropped;
  private long negative;

  LatencySamples(int capacity) {
    this.values = new long[capacity];
  }

  synchronized void add(long nanos) {
    if (nanos < 0) {
      negative++;
    }
    if (count < values.length) {
      values[count++] = Math.max(0, nanos);
    } else {
      dropped++;
    }
  }

  /**
   * Samples whose arrival was read before the departure (the client ran before the sender's thread
   * read the clock); counted as 0.
   */
  synchronized long negative() {
    return negative;
  }

  synchronized Summary summary() {
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return new Summary(
        count,
        dropped,
        negative,
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        count == 0 ? 0 : sorted[count - 1]);
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Count and percentiles (nanoseconds) of one window. */
  record Summary(long count, long dropped, long negative, long p50, long p90, long p99, long max) {

    /** One table row: count, then p50 / p90 / p99 / max in milliseconds. */
    String row(String label) {
      return String.format(
              "%-52s %7d %9.3f %9.3f %9.3f %9.3f",
              label, count, p50 / 1e6, p90 / 1e6, p99 / 1e6, max / 1e6)
          + (negative == 0 ? "" : "  (" + negative + " arrived before the tap read its clock: 0)");
    }

    static String header() {
      return String.format(
          "%-52s %7s %9s %9s %9s %9s", "path", "samples", "p50 ms", "p90 ms", "p99 ms", "max ms");
    }
  }
}
