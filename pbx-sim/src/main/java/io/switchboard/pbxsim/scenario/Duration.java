package io.switchboard.pbxsim.scenario;

import java.util.random.RandomGenerator;

/**
 * A random duration in seconds: {@code fixed} (value), {@code uniform} (min..max) or {@code
 * exponential} (mean, optionally capped by max). Drawn from the caller's stream so each source
 * keeps its own sequence.
 *
 * @param kind fixed, uniform or exponential
 * @param value the fixed value, or the exponential mean
 * @param min uniform lower bound
 * @param max uniform upper bound, or the exponential cap (0 = none)
 */
public record Duration(String kind, double value, double min, double max) {

  public Duration {
    kind = kind == null ? "fixed" : kind;
    switch (kind) {
      case "fixed", "exponential" -> {
        if (value < 0) {
          throw new IllegalArgumentException("duration value must not be negative, got " + value);
        }
      }
      case "uniform" -> {
        if (min < 0 || max < min) {
          throw new IllegalArgumentException(
              "uniform duration needs 0 <= min <= max, got " + min + ".." + max);
        }
      }
      default ->
          throw new IllegalArgumentException(
              "duration kind '" + kind + "' is unknown; use fixed, uniform or exponential");
    }
  }

  public static Duration fixed(double seconds) {
    return new Duration("fixed", seconds, 0, 0);
  }

  public static Duration exponential(double mean, double cap) {
    return new Duration("exponential", mean, 0, cap);
  }

  public static Duration uniform(double min, double max) {
    return new Duration("uniform", 0, min, max);
  }

  /** One draw, in milliseconds. */
  public long drawMillis(RandomGenerator random) {
    double seconds =
        switch (kind) {
          case "uniform" -> min + (max - min) * random.nextDouble();
          case "exponential" -> {
            double x = -value * Math.log(1 - random.nextDouble());
            yield max > 0 ? Math.min(x, max) : x;
          }
          default -> value;
        };
    return Math.round(seconds * 1000);
  }
}
