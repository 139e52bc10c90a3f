package io.switchboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.switchboard.core.metrics.PrometheusMetrics;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusTextFormatTest {

  /** The example of the exposition format documentation, with a few legal liberties added. */
  private static final String SPEC_EXAMPLE =
      """
      # HELP http_requests_total The total number of HTTP requests.
      # TYPE http_requests_total counter
      http_requests_total{method="post",code="200"} 1027 1395066363000
      http_requests_total{method="post",code="400"}    3 1395066363000

      # Escaping in label values:
      msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

      # Minimalistic line:
      metric_without_timestamp_and_labels 12.47

      # A weird metric from before the epoch:
      something_weird{problem="division by zero"} +Inf -3982045

      # A histogram, which has a pretty complex representation in the text format:
      # HELP http_request_duration_seconds A histogram of the request duration.
      # TYPE http_request_duration_seconds histogram
      http_request_duration_seconds_bucket{le="0.05"} 24054
      http_request_duration_seconds_bucket{le="0.1"} 33444
      http_request_duration_seconds_bucket{le="0.2"} 100392
      http_request_duration_seconds_bucket{le="0.5"} 129389
      http_request_duration_seconds_bucket{le="1"} 133988
      http_request_duration_seconds_bucket{le="+Inf"} 144320
      http_request_duration_seconds_sum 53423
      http_request_duration_seconds_count 144320

      # Finally a summary, which has a complex representation, too:
      # HELP rpc_duration_seconds A summary of the RPC duration in seconds.
      # TYPE rpc_duration_seconds summary
      rpc_duration_seconds{quantile="0.01"} 3102
      rpc_duration_seconds{quantile="0.05"} 3272
      rpc_duration_seconds{quantile="0.5"} 4773
      rpc_duration_seconds{quantile="0.9"} 9001
      rpc_duration_seconds{quantile="0.99"} 76656
      rpc_duration_seconds_sum 1.7560473e+07
      rpc_duration_seconds_count 2693
      \t# TYPE odd_values gauge
      odd_values{kind="nan"} NaN
      odd_values{kind="negative infinity"} -Inf
      odd_values{kind="trailing comma",} .5e-3
      odd_values{kind="tabs"}\t\t-0.0\t
      odd_values{kind="no label values"} 1.
      # HELP help_escapes A backslash \\\\ and a line feed \\n may be escaped.
      help_escapes{empty=""} 0
      """;

  @Test
  void theSpecificationsExampleIsValid() {
    assertThat(PrometheusTextFormat.problems(SPEC_EXAMPLE)).isEmpty();
  }

  @Test
  void anEmptyExpositionIsValid() {
    assertThat(PrometheusTextFormat.problems("")).isEmpty();
  }

  @Test
  void typesNameEveryFamilyWithItsType() {
    assertThat(PrometheusTextFormat.types(SPEC_EXAMPLE))
        .containsEntry("http_requests_total", "counter")
        .containsEntry("msdos_file_access_time_seconds", "untyped")
        .containsEntry("http_request_duration_seconds", "histogram")
        .containsEntry("rpc_duration_seconds", "summary")
        .containsEntry("odd_values", "gauge")
        .doesNotContainKeys("http_request_duration_seconds_bucket", "rpc_duration_seconds_sum");
  }

  @Test
  void typesOfAnInvalidExpositionListTheProblems() {
    assertThatThrownBy(() -> PrometheusTextFormat.types("a 1\na 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2: series a repeats line 1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badExpositions")
  void eachBreachOfTheFormatIsReportedWithItsLine(
      String breach, String exposition, String expectedProblem) {
    assertThat(PrometheusTextFormat.problems(exposition))
        .as("problems of %s", breach)
        .anySatisfy(problem -> assertThat(problem).contains(expectedProblem));
  }

  static Stream<Arguments> badExpositions() {
    return Stream.of(
        bad("a line that is no sample", "ok 1\nthis is not a sample\n", "line 2: value of this"),
        bad("a metric name with a dash", "a-b 1\n", "line 1: \"a-b\" is not a valid metric name"),
        bad("a metric name starting with a digit", "1a 1\n", "\"1a\" is not a valid metric"),
        bad("a label name starting with a digit", "a{1x=\"v\"} 1\n", "\"1x\" is not a valid"),
        bad("a reserved label name", "a{__name__=\"v\"} 1\n", "which Prometheus reserves"),
        bad("a label twice in one sample", "a{x=\"1\",x=\"2\"} 1\n", "label x appears twice"),
        bad("a label value escape other than \\\\ \\\" \\n", "a{x=\"\\t\"} 1\n", "escape \\t"),
        bad("an unquoted label value", "a{x=1} 1\n", "expected \" to open the value"),
        bad("an unterminated label value", "a{x=\"v} 1\n", "is not closed by \""),
        bad("labels without a closing brace", "a{x=\"v\" 1\n", "expected , or }"),
        bad("a value that is not a float", "a 1,5\n", "\"1,5\" is not a float"),
        bad("a hexadecimal value", "a 0x1p3\n", "\"0x1p3\" is not a float"),
        bad("a value with underscores", "a 1_000\n", "\"1_000\" is not a float"),
        bad("a signed NaN", "a +NaN\n", "\"+NaN\" is not a float"),
        bad("a value beyond float64", "a 1e400\n", "out of the range of a float64"),
        bad("a sample without a value", "a{x=\"1\"}\n", "has no value"),
        bad("a fractional timestamp", "a 1 12.5\n", "timestamp \"12.5\""),
        bad("text after the timestamp", "a 1 2 3\n", "unexpected text after the sample"),
        bad("an unknown type", "# TYPE a gauges\n", "type of a is \"gauges\""),
        bad("a TYPE line without a type", "# TYPE a\n", "must be \"# TYPE name type\""),
        bad("a HELP line without a name", "# HELP\n", "line 1: HELP line names no metric"),
        bad("a HELP escape other than \\\\ \\n", "# HELP a tab\\t\n", "has the escape \\t"),
        bad("a second TYPE line", "# TYPE a gauge\n# TYPE a gauge\n", "line 2: second TYPE"),
        bad("a second HELP line", "# HELP a x\n# HELP a y\n", "line 2: second HELP line for a"),
        bad("a TYPE after the samples", "a 1\n# TYPE a gauge\n", "TYPE of a comes after"),
        bad("a HELP after the samples", "a 1\n# HELP a x\n", "HELP for a comes after"),
        bad("interleaved families", "a{x=\"1\"} 1\nb 1\na{x=\"2\"} 1\n", "line 3: a (first"),
        bad("a duplicate series", "a{x=\"1\",y=\"2\"} 1\na{y=\"2\",x=\"1\"} 2\n", "repeats line 1"),
        bad("a series repeated by an empty label", "a 1\na{x=\"\"} 2\n", "series a repeats line 1"),
        bad("a bucket without le", histogram("h_bucket 1\n"), "h_bucket has no le label"),
        bad("a bucket whose le is no float", histogram("h_bucket{le=\"x\"} 1\n"), "le of h_b"),
        bad("a histogram without +Inf", histogram("h_bucket{le=\"1\"} 1\n"), "no bucket le=\"+Inf"),
        bad("a histogram sample without suffix", histogram("h 1\n"), "without a suffix"),
        bad("a histogram's _sum apart", histogram(INF + "b 1\nh_sum 2\n"), "line 4: h (first"),
        bad("a histogram count unlike +Inf", histogram(INF + "h_count 2\n"), "counts 2.0 in _c"),
        bad("buckets that decrease", histogram(INF + "h_bucket{le=\"1\"} 5\n"), "not cumulative"),
        bad("a summary without quantile", "# TYPE s summary\ns 1\n", "s has no quantile label"),
        bad("a last line without line feed", "a 1\nb 2", "line 2: the last line does not end"),
        bad("a carriage return", "a 1\r\n", "line 1: has a carriage return"));
  }

  private static final String INF = "h_bucket{le=\"+Inf\"} 1\n";

  private static String histogram(String samples) {
    return "# TYPE h histogram\n" + samples;
  }

  private static Arguments bad(String breach, String exposition, String expectedProblem) {
    return Arguments.of(breach, exposition, expectedProblem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1.5", "1e10", "1E-3", "+Inf", "-Inf", "inf", "NaN", "nan", ".5"})
  void goFloatSpellingsAreValidValues(String value) {
    assertThat(PrometheusTextFormat.problems("a " + value + "\n")).isEmpty();
  }

  @Test
  void theRealScrapeOfPrometheusMetricsIsValid() {
    try (PrometheusMetrics metrics = PrometheusMetrics.create()) {
      String scrape = scrapeWithEveryKindOfMeter(metrics);

      assertThat(PrometheusTextFormat.problems(scrape)).isEmpty();
      assertThat(PrometheusTextFormat.types(scrape))
          .containsEntry("jvm_memory_used_bytes", "gauge")
          .containsEntry("switchboard_test_calls_total", "counter")
          .containsEntry("switchboard_test_latency_seconds", "histogram")
          .containsEntry("switchboard_test_size", "summary");
    }
  }

  @Test
  void promtoolFindsNoErrorInTheRealScrape() {
    try (PrometheusMetrics metrics = PrometheusMetrics.create()) {
      assertThat(PrometheusTextFormat.promtoolProblems(scrapeWithEveryKindOfMeter(metrics)))
          .isEmpty();
    }
  }

  @Test
  void promtoolReportsAMalformedValue() {
    assumeTrue(PrometheusTextFormat.promtoolAvailable(), "promtool is not on the PATH");

    assertThat(PrometheusTextFormat.promtoolProblems("# HELP a A.\n# TYPE a gauge\na abc\n"))
        .hasValueSatisfying(problem -> assertThat(problem).contains("line 3"));
  }

  @Test
  void promtoolLintWarningsAreNoProblems() {
    assumeTrue(PrometheusTextFormat.promtoolAvailable(), "promtool is not on the PATH");

    assertThat(PrometheusTextFormat.promtoolProblems("# TYPE a counter\na 1\n")).isEmpty();
  }

  private static String scrapeWithEveryKindOfMeter(PrometheusMetrics metrics) {
    Counter.builder("switchboard.test.calls")
        .tag("queue", "sales \"east\" \\ west")
        .register(metrics.registry())
        .increment();
    Timer.builder("switchboard.test.latency")
        .publishPercentileHistogram()
        .register(metrics.registry())
        .record(Duration.ofMillis(5));
    DistributionSummary.builder("switchboard.test.size")
        .publishPercentiles(0.5, 0.99)
        .register(metrics.registry())
        .record(3);
    return metrics.scrape();
  }
}
