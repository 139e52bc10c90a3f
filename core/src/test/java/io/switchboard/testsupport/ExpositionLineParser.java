package io.switchboard.testsupport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one sample line of the Prometheus text format 0.0.4: {@code name{label="value",...} value
 * [timestamp]}. A malformed line throws {@link IllegalArgumentException} saying what is wrong. One
 * instance reads one line; not thread-safe.
 */
final class ExpositionLineParser {

  static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** What Go's strconv.ParseFloat accepts, less hex and underscores (which Prometheus refuses). */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private static final Pattern INFINITY = Pattern.compile("[+-]?(?:inf|infinity)");
  private static final Pattern TIMESTAMP = Pattern.compile("[+-]?\\d+");

  private final String text;
  private int position;

  private ExpositionLineParser(String text) {
    this.text = text;
  }

  /** Parses a sample line that has no leading blanks. */
  static ExpositionSample parse(int lineNumber, String line) {
    return new ExpositionLineParser(line).sample(lineNumber);
  }

  /** A float as Prometheus parses it (Go syntax): NaN, +Inf and -Inf included. */
  static double parseFloat(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (INFINITY.matcher(lower).matches()) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!DECIMAL.matcher(token).matches()) {
      throw new IllegalArgumentException("\"" + token + "\" is not a float");
    }
    double value = Double.parseDouble(token);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("\"" + token + "\" is out of the range of a float64");
    }
    return value;
  }

  private ExpositionSample sample(int lineNumber) {
    String name = token("{ \t");
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("\"" + name + "\" is not a valid metric name");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (peek() == '{') {
      position++;
      readLabels(labels);
    } else if (!skipBlanks()) {
      throw new IllegalArgumentException("expected a value after the metric name " + name);
    }
    skipBlanks();
    String valueToken = token(" \t");
    if (valueToken.isEmpty()) {
      throw new IllegalArgumentException("sample of " + name + " has no value");
    }
    double value;
    try {
      value = parseFloat(valueToken);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("value of " + name + ": " + bad.getMessage(), bad);
    }
    skipBlanks();
    String timestamp = token(" \t");
    if (!timestamp.isEmpty()) {
      checkTimestamp(timestamp);
    }
    skipBlanks();
    if (position < text.length()) {
      throw new IllegalArgumentException(
          "unexpected text after the sample: \"" + text.substring(position) + "\"");
    }
    return new ExpositionSample(lineNumber, name, labels, value);
  }

  private void readLabels(Map<String, String> labels) {
    while (true) {
      skipBlanks();
      if (peek() == '}') {
        position++;
        return;
      }
      String labelName = token("= \t,}\"");
      if (!LABEL_NAME.matcher(labelName).matches()) {
        throw new IllegalArgumentException("\"" + labelName + "\" is not a valid label name");
      }
      if (labelName.startsWith("__")) {
        throw new IllegalArgumentException(
            "label name " + labelName + " starts with __, which Prometheus reserves");
      }
      skipBlanks();
      expect('=', "after label name " + labelName);
      skipBlanks();
      expect('"', "to open the value of label " + labelName);
      String value = labelValue(labelName);
      if (labels.put(labelName, value) != null) {
        throw new IllegalArgumentException("label " + labelName + " appears twice");
      }
      skipBlanks();
      char next = peek();
      if (next == ',') {
        position++;
      } else if (next != '}') {
        throw new IllegalArgumentException("expected , or } after the value of label " + labelName);
      }
    }
  }

  private String labelValue(String labelName) {
    StringBuilder value = new StringBuilder();
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char escaped = position < text.length() ? text.charAt(position++) : '\0';
      switch (escaped) {
        case '\\' -> value.append('\\');
        case '"' -> value.append('"');
        case 'n' -> value.append('\n');
        default ->
            throw new IllegalArgumentException(
                "value of label "
                    + labelName
                    + " has the escape \\"
                    + (escaped == '\0' ? "" : escaped)
                    + "; only \\\\, \\\" and \\n are allowed");
      }
    }
    throw new IllegalArgumentException("value of label " + labelName + " is not closed by \"");
  }

  private static void checkTimestamp(String timestamp) {
    boolean valid = TIMESTAMP.matcher(timestamp).matches();
    if (valid) {
      try {
        Long.parseLong(timestamp);
      } catch (NumberFormatException tooLong) {
        valid = false;
      }
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "timestamp \"" + timestamp + "\" is not a whole number of milliseconds (int64)");
    }
  }

  private String token(String stops) {
    int start = position;
    while (position < text.length() && stops.indexOf(text.charAt(position)) < 0) {
      position++;
    }
    return text.substring(start, position);
  }

  private boolean skipBlanks() {
    int start = position;
    while (position < text.length() && (peek() == ' ' || peek() == '\t')) {
      position++;
    }
    return position > start;
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void expect(char wanted, String where) {
    if (peek() != wanted) {
      throw new IllegalArgumentException("expected " + wanted + " " + where);
    }
    position++;
  }
}
