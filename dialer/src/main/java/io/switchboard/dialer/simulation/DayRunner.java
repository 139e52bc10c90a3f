package io.switchboard.dialer.simulation;

import io.switchboard.dialer.pacing.PacingPolicy;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Runs a policy over a range of seeded days, each with a fresh policy (cold start), optionally on
 * the common fork-join pool; results come back in seed order either way. Thread-safe.
 */
public final class DayRunner {
  private final boolean parallel;

  public DayRunner(boolean parallel) {
    this.parallel = parallel;
  }

  /** Simulates days with seeds {@code firstSeed .. firstSeed + days - 1}. */
  public List<DayResult> run(
      Scenario scenario, Supplier<PacingPolicy> policy, long firstSeed, int days) {
    LongStream seeds = LongStream.range(firstSeed, firstSeed + days);
    if (parallel) {
      seeds = seeds.parallel();
    }
    return seeds
        .mapToObj(seed -> new DaySimulation(scenario, seed, policy.get(), null, false).run())
        .collect(Collectors.toList());
  }
}
