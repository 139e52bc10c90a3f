package io.switchboard.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a whole Prometheus text exposition (format 0.0.4) line by line and collects every breach of
 * the format, each naming its line. One instance checks one exposition; not thread-safe.
 */
final class ExpositionChecker {

  private static final List<String> TYPES =
      List.of("counter", "gauge", "histogram", "summary", "untyped");

  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> declaredTypes = new HashMap<>();
  private final Map<String, String> familyTypes = new LinkedHashMap<>();
  private final Map<String, Integer> familyFirstLines = new HashMap<>();
  private final Set<String> helped = new HashSet<>();
  private final Set<String> sampled = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  private final Map<String, Integer> seriesLines = new HashMap<>();
  private final Map<String, HistogramBuckets> histograms = new LinkedHashMap<>();
  private String currentFamily;

  ExpositionChecker(String exposition) {
    String[] lines = exposition.split("\n", -1);
    int count = lines.length;
    if (exposition.endsWith("\n") || exposition.isEmpty()) {
      count--;
    } else {
      problem(count, "the last line does not end with a line feed (\\n)");
    }
    for (int index = 0; index < count; index++) {
      line(index + 1, lines[index]);
    }
    histograms.values().forEach(histogram -> problems.addAll(histogram.problems()));
  }

  /** Every problem found, in the order found; empty when the exposition is valid. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** Each metric family seen, in order, with its type ({@code untyped} when not declared). */
  Map<String, String> types() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(familyTypes));
  }

  private void line(int number, String text) {
    if (text.indexOf('\r') >= 0) {
      problem(number, "has a carriage return; lines end with \\n alone");
      return;
    }
    String line = stripBlanks(text);
    if (line.isEmpty()) {
      return;
    }
    if (line.charAt(0) == '#') {
      comment(number, stripBlanks(line.substring(1)));
      return;
    }
    ExpositionSample sample;
    try {
      sample = ExpositionLineParser.parse(number, line);
    } catch (IllegalArgumentException malformed) {
      problem(number, malformed.getMessage());
      return;
    }
    sample(sample);
  }

  private void comment(int number, String body) {
    String[] parts = body.split("[ \t]+", 3);
    if (parts[0].equals("HELP")) {
      help(number, parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    } else if (parts[0].equals("TYPE")) {
      type(number, body.split("[ \t]+"));
    }
  }

  private void help(int number, String name, String text) {
    if (!validFamilyName(number, "HELP", name)) {
      return;
    }
    enterFamily(number, name);
    if (!helped.add(name)) {
      problem(number, "second HELP line for " + name);
    }
    if (sampled.contains(name)) {
      problem(number, "HELP for " + name + " comes after its samples");
    }
    for (int index = 0; index < text.length(); index++) {
      if (text.charAt(index) == '\\') {
        char escaped = index + 1 < text.length() ? text.charAt(index + 1) : ' ';
        if (escaped != '\\' && escaped != 'n') {
          problem(
              number,
              "HELP text of "
                  + name
                  + " has the escape \\"
                  + escaped
                  + "; only \\\\ and \\n are allowed");
        }
        index++;
      }
    }
  }

  private void type(int number, String[] tokens) {
    String name = tokens.length > 1 ? tokens[1] : "";
    if (!validFamilyName(number, "TYPE", name)) {
      return;
    }
    if (tokens.length != 3) {
      problem(number, "TYPE line must be \"# TYPE name type\", nothing more or less");
      return;
    }
    String type = tokens[2];
    if (!TYPES.contains(type)) {
      problem(
          number,
          "type of "
              + name
              + " is \""
              + type
              + "\"; one of "
              + String.join(", ", TYPES)
              + " expected");
      return;
    }
    enterFamily(number, name);
    if (declaredTypes.putIfAbsent(name, type) != null) {
      problem(number, "second TYPE line for " + name);
      return;
    }
    if (sampled.contains(name)) {
      problem(number, "TYPE of " + name + " comes after its samples");
    }
    familyTypes.put(name, type);
  }

  private boolean validFamilyName(int number, String keyword, String name) {
    if (name.isEmpty()) {
      problem(number, keyword + " line names no metric");
      return false;
    }
    if (!ExpositionLineParser.METRIC_NAME.matcher(name).matches()) {
      problem(number, keyword + " line: \"" + name + "\" is not a valid metric name");
      return false;
    }
    return true;
  }

  private void sample(ExpositionSample sample) {
    String family = familyOf(sample.name());
    enterFamily(sample.line(), family);
    sampled.add(family);
    familyTypes.putIfAbsent(family, "untyped");
    String type = declaredTypes.getOrDefault(family, "untyped");
    if (type.equals("histogram")) {
      histogramSample(sample, family);
    } else if (type.equals("summary") && sample.name().equals(family)) {
      floatLabel(sample, "quantile");
    }
    Integer first = seriesLines.putIfAbsent(sample.series(), sample.line());
    if (first != null) {
      problem(sample.line(), "series " + sample.series() + " repeats line " + first);
    }
  }

  private void histogramSample(ExpositionSample sample, String family) {
    String name = sample.name();
    if (name.equals(family)) {
      problem(
          sample.line(),
          "histogram "
              + family
              + " has a sample without a suffix; its samples are "
              + family
              + "_bucket, _sum and _count");
      return;
    }
    String labels = sample.labelsWithout("le");
    HistogramBuckets histogram =
        histograms.computeIfAbsent(
            family + labels, key -> new HistogramBuckets(family, labels, sample.line()));
    if (name.endsWith("_bucket")) {
      Double le = floatLabel(sample, "le");
      if (le != null) {
        histogram.bucket(sample.line(), le, sample.label("le"), sample.value());
      }
    } else if (name.endsWith("_count")) {
      histogram.count(sample.value());
    }
  }

  private Double floatLabel(ExpositionSample sample, String label) {
    String text = sample.label(label);
    if (text == null) {
      problem(sample.line(), sample.name() + " has no " + label + " label");
      return null;
    }
    try {
      return ExpositionLineParser.parseFloat(text);
    } catch (IllegalArgumentException bad) {
      problem(sample.line(), label + " of " + sample.name() + ": " + bad.getMessage());
      return null;
    }
  }

  /** The family a sample belongs to: a histogram's or summary's suffixes name their family. */
  private String familyOf(String name) {
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        String base = name.substring(0, name.length() - suffix.length());
        String type = declaredTypes.get(base);
        if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
          return base;
        }
      }
    }
    return name;
  }

  private void enterFamily(int number, String family) {
    if (family.equals(currentFamily)) {
      return;
    }
    Integer first = familyFirstLines.putIfAbsent(family, number);
    if (finished.contains(family)) {
      problem(
          number,
          family
              + " (first seen at line "
              + first
              + ") resumes after other families; the lines of a family must be one group");
    }
    if (currentFamily != null) {
      finished.add(currentFamily);
    }
    currentFamily = family;
  }

  private void problem(int number, String what) {
    problems.add("line " + number + ": " + what);
  }

  private static String stripBlanks(String text) {
    int start = 0;
    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    int end = text.length();
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }
}
