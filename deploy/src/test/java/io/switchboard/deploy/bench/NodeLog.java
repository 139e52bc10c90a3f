package io.switchboard.deploy.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums up the node's warnings and errors by kind (logger and the start of the message, up to its
 * first colon), so that a run's report says what went wrong and how often without the whole log.
 */
final class NodeLog {

  private static final Pattern LINE =
      Pattern.compile("(WARN|ERROR)\\s+\\[[^\\]]*\\] (\\S+) - (.*)");
  private static final int KINDS_SHOWN = 8;

  private NodeLog() {}

  static void printKinds(List<String> warnings) {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (String line : warnings) {
      Matcher m = LINE.matcher(line);
      String kind = line;
      if (m.find()) {
        String message = m.group(3);
        int colon = message.indexOf(':');
        kind =
            m.group(1)
                + " "
                + m.group(2)
                + " - "
                + (colon > 0 ? message.substring(0, colon) : message);
      }
      if (kind.length() > 160) {
        kind = kind.substring(0, 160);
      }
      kinds.merge(kind, 1, Integer::sum);
    }
    System.out.printf("[bench] the node logged %d warnings or errors%n", warnings.size());
    kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(KINDS_SHOWN)
        .forEach(e -> System.out.printf("  %6d x %s%n", e.getValue(), e.getKey()));
  }
}
