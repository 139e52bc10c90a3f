package io.switchboard.testsupport;

import java.util.Map;
import java.util.TreeMap;

/** One parsed sample line of a Prometheus text exposition; immutable. */
record ExpositionSample(int line, String name, Map<String, String> labels, double value) {

  ExpositionSample {
    labels = Map.copyOf(labels);
  }

  /** The label value, or null when the sample has no such label. */
  String label(String labelName) {
    return labels.get(labelName);
  }

  /**
   * The series this sample belongs to, as {@code name{a="1",b="2"}} (or {@code name} alone) with
   * labels sorted and empty values left out (Prometheus treats an empty label as an absent one).
   */
  String series() {
    String labelSet = labelsWithout(null);
    return labelSet.equals("{}") ? name : name + labelSet;
  }

  /** The sorted label set without one label, as {@code {a="1"}}, for grouping histogram buckets. */
  String labelsWithout(String ignored) {
    Map<String, String> sorted = new TreeMap<>(labels);
    StringBuilder text = new StringBuilder("{");
    sorted.forEach(
        (key, value) -> {
          if (!key.equals(ignored) && !value.isEmpty()) {
            text.append(text.length() == 1 ? "" : ",")
                .append(key)
                .append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                .append('"');
          }
        });
    return text.append('}').toString();
  }
}
