package io.switchboard.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The buckets and count of one histogram series (one label set, {@code le} aside), gathered while
 * an exposition is read and judged at its end. Not thread-safe.
 */
final class HistogramBuckets {

  private final String series;
  private final int firstLine;
  private final TreeMap<Double, Double> buckets = new TreeMap<>();
  private final Map<Double, String> leTexts = new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private Double count;

  HistogramBuckets(String family, String labels, int firstLine) {
    this.series = labels.equals("{}") ? family : family + labels;
    this.firstLine = firstLine;
  }

  void bucket(int line, double le, String leText, double value) {
    leTexts.putIfAbsent(le, leText);
    if (buckets.put(le, value) != null) {
      problems.add("line " + line + ": " + series + " has a second bucket le=\"" + leText + "\"");
    }
  }

  void count(double value) {
    count = value;
  }

  /** What is wrong with the series as a whole, each naming the line where it starts. */
  List<String> problems() {
    List<String> all = new ArrayList<>(problems);
    String where = "line " + firstLine + ": histogram " + series;
    Double infinite = buckets.get(Double.POSITIVE_INFINITY);
    if (infinite == null) {
      all.add(where + " has no bucket le=\"+Inf\"");
    } else if (count != null && Double.compare(count, infinite) != 0) {
      all.add(where + " counts " + count + " in _count but " + infinite + " in le=\"+Inf\"");
    }
    Map.Entry<Double, Double> previous = null;
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      if (previous != null && bucket.getValue() < previous.getValue()) {
        all.add(
            where
                + " is not cumulative: bucket le=\""
                + leTexts.get(bucket.getKey())
                + "\" counts less than bucket le=\""
                + leTexts.get(previous.getKey())
                + "\"");
      }
      previous = bucket;
    }
    return all;
  }
}
