package io.switchboard.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strict checker of the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/), for tests of a {@code /metrics}
 * endpoint; optionally a second opinion from {@code promtool}. Stateless and thread-safe.
 */
public final class PrometheusTextFormat {

  private PrometheusTextFormat() {}

  /**
   * Everything wrong with an exposition, one problem per entry, each starting with {@code line N:};
   * empty when it is valid. Checks the line grammar (HELP, TYPE, other comments, blank lines,
   * samples with labels, value and optional timestamp), metric and label names, label escapes, Go
   * float values, one TYPE and HELP per family before its samples, families in one group each,
   * histogram and summary sample names and their {@code le} and {@code quantile} labels, a {@code
   * le="+Inf"} bucket in every histogram, and no series twice.
   */
  public static List<String> problems(String exposition) {
    return new ExpositionChecker(exposition).problems();
  }

  /**
   * Each metric family of a valid exposition, in order of appearance, with its type ({@code
   * counter}, {@code gauge}, {@code histogram}, {@code summary} or {@code untyped}).
   *
   * @throws IllegalArgumentException listing the problems when the exposition is not valid
   */
  public static Map<String, String> types(String exposition) {
    ExpositionChecker checker = new ExpositionChecker(exposition);
    if (!checker.problems().isEmpty()) {
      throw new IllegalArgumentException(
          "not a valid Prometheus text exposition:\n" + String.join("\n", checker.problems()));
    }
    return checker.types();
  }

  /** True when an executable {@code promtool} is on the PATH. */
  public static boolean promtoolAvailable() {
    return Promtool.find().isPresent();
  }

  /**
   * The errors {@code promtool check metrics} reports for an exposition, lint warnings (missing
   * HELP, counter naming) left out; empty when it reports none or when promtool is not installed
   * (see {@link #promtoolAvailable()}).
   */
  public static Optional<String> promtoolProblems(String exposition) {
    return Promtool.find().flatMap(promtool -> promtool.checkMetrics(exposition));
  }
}
