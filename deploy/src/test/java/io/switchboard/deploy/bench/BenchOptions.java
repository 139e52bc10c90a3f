package io.switchboard.deploy.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code --name value} command-line options with defaults; an unknown name or a value that is not a
 * number fails with a message naming it.
 */
final class BenchOptions {

  private final Map<String, String> given = new HashMap<>();

  private BenchOptions() {}

  static BenchOptions parse(String[] args, String... known) {
    BenchOptions options = new BenchOptions();
    java.util.Set<String> names = java.util.Set.of(known);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : args[i];
      if (!names.contains(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "unknown option or missing value: "
                + args[i]
                + " (known: --"
                + String.join(", --", known)
                + ")");
      }
      options.given.put(name, args[i + 1]);
    }
    return options;
  }

  int integer(String name, int fallback) {
    return (int) number(name, fallback);
  }

  double number(String name, double fallback) {
    String value = given.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
    }
  }
}
