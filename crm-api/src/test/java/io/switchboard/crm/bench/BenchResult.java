package io.switchboard.crm.bench;

import java.util.Arrays;

/** Throughput and latency percentiles of one benchmark phase. */
record BenchResult(double perSecond, double p50Millis, double p99Millis, long errors) {

  /** From per-request latencies in microseconds over {@code seconds}. */
  static BenchResult of(long[] latenciesMicros, int count, double seconds, long errors) {
    long[] sorted = Arrays.copyOf(latenciesMicros, count);
    Arrays.sort(sorted);
    return new BenchResult(
        count / seconds,
        percentile(sorted, 0.50) / 1000.0,
        percentile(sorted, 0.99) / 1000.0,
        errors);
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
