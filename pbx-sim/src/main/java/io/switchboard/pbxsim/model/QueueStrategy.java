package io.switchboard.pbxsim.model;

import java.util.Locale;

/**
 * The ring strategies the simulator implements, named as {@code queues.conf} and QueueParams name
 * them.
 */
public enum QueueStrategy {
  RINGALL,
  LEASTRECENT,
  RRMEMORY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a strategy name; a clear error names the ones supported. */
  public static QueueStrategy parse(String text) {
    for (QueueStrategy s : values()) {
      if (s.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "queue strategy '" + text + "' is not simulated; use ringall, leastrecent or rrmemory");
  }
}
