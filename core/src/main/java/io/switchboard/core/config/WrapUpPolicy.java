package io.switchboard.core.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The wrap-up rule of each queue, with a default for queues not named (setting {@code
 * console.wrap-up}). Immutable.
 */
public record WrapUpPolicy(WrapUpRule defaults, Map<String, WrapUpRule> perQueue) {

  /** 30 s of wrap-up, then ready. */
  public static final WrapUpPolicy DEFAULT =
      new WrapUpPolicy(new WrapUpRule(Duration.ofSeconds(30), true), Map.of());

  /** The name that stands for every queue not named. */
  public static final String ANY_QUEUE = "*";

  /** Most queues the setting may name. */
  public static final int MAX_QUEUES = 1_000;

  /** An Asterisk queue name as the rules may name it. */
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.@-]{1,79}");

  public WrapUpPolicy {
    perQueue = Map.copyOf(perQueue);
  }

  /** The rule after a call from {@code queue} (null: a call from no queue). */
  public WrapUpRule forQueue(String queue) {
    return queue == null ? defaults : perQueue.getOrDefault(queue, defaults);
  }

  /**
   * Reads {@code <queue>=<time>[:ready|:not-ready]} rules separated by commas, {@code *} for every
   * queue not named (else 30 s then ready), e.g. {@code *=30s, sales=1m:not-ready, vip=0s}.
   *
   * @throws IllegalArgumentException naming the rule that is wrong and why
   */
  public static WrapUpPolicy parse(String text) {
    WrapUpRule defaults = DEFAULT.defaults();
    Map<String, WrapUpRule> perQueue = new HashMap<>();
    boolean defaultGiven = false;
    for (String part : text.split(",")) {
      String rule = part.trim();
      if (rule.isEmpty()) {
        continue;
      }
      int equals = rule.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            "'" + rule + "' is not <queue>=<time>[:ready|:not-ready], e.g. sales=1m:not-ready");
      }
      String queue = rule.substring(0, equals).trim();
      WrapUpRule parsed = rule(rule, rule.substring(equals + 1).trim());
      if (queue.equals(ANY_QUEUE)) {
        if (defaultGiven) {
          throw new IllegalArgumentException("'*' is given twice");
        }
        defaultGiven = true;
        defaults = parsed;
      } else if (!QUEUE.matcher(queue).matches()) {
        throw new IllegalArgumentException("'" + queue + "' in '" + rule + "' is not a queue name");
      } else if (perQueue.put(queue, parsed) != null) {
        throw new IllegalArgumentException("queue '" + queue + "' is given twice");
      } else if (perQueue.size() > MAX_QUEUES) {
        throw new IllegalArgumentException("more than " + MAX_QUEUES + " queues");
      }
    }
    return new WrapUpPolicy(defaults, perQueue);
  }

  private static WrapUpRule rule(String rule, String value) {
    int colon = value.indexOf(':');
    String time = colon < 0 ? value : value.substring(0, colon).trim();
    String after = colon < 0 ? "ready" : value.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
    Duration duration;
    try {
      duration = RawSettings.parseDuration(time);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("the time in '" + rule + "' " + bad.getMessage(), bad);
    }
    if (duration.compareTo(WrapUpRule.MAX_TIME) > 0) {
      throw new IllegalArgumentException("the time in '" + rule + "' is longer than 1h");
    }
    return switch (after) {
      case "ready" -> new WrapUpRule(duration, true);
      case "not-ready" -> new WrapUpRule(duration, false);
      default ->
          throw new IllegalArgumentException(
              "'" + after + "' in '" + rule + "' must be ready or not-ready");
    };
  }
}
