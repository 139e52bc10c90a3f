package io.switchboard.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Settings of the live console's WebSocket sessions: heartbeat, the per-user replay buffer that
 * serves a resume, the per-session outbound bound and which other origins may open a session.
 *
 * @param heartbeatInterval time between ping frames to each session
 * @param heartbeatMisses pings in a row left without a pong before the session is closed
 * @param replaySize messages a user's replay buffer keeps
 * @param replayWindow how long a message stays in the replay buffer
 * @param outboundQueue messages one session may have queued unsent before it is cut off
 * @param allowedOrigins origins ({@code scheme://host[:port]}, lowercase) allowed besides the
 *     request's own host; empty: the same host only
 * @param dialContext the Asterisk dialplan context an agent's click-to-dial and a transfer to a
 *     number or to another agent's extension go through
 * @param queueContext the Asterisk dialplan context in which each queue is reached by an extension
 *     named like the queue (transfers to a queue)
 * @param wrapUp how long an agent stays in wrap-up after a call from each queue, and whether ready
 *     or paused follows ({@code console.wrap-up})
 */
public record ConsoleSettings(
    Duration heartbeatInterval,
    int heartbeatMisses,
    int replaySize,
    Duration replayWindow,
    int outboundQueue,
    List<String> allowedOrigins,
    String dialContext,
    String queueContext,
    WrapUpPolicy wrapUp) {

  /** The default dial and queue context. */
  public static final String DEFAULT_CONTEXT = "from-internal";

  /** An Asterisk context name ({@code AST_MAX_CONTEXT} is 80 bytes with its terminator). */
  private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_.-]{1,79}");

  public ConsoleSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** Session settings with the default dial and queue context and wrap-up rules. */
  public ConsoleSettings(
      Duration heartbeatInterval,
      int heartbeatMisses,
      int replaySize,
      Duration replayWindow,
      int outboundQueue,
      List<String> allowedOrigins) {
    this(
        heartbeatInterval,
        heartbeatMisses,
        replaySize,
        replayWindow,
        outboundQueue,
        allowedOrigins,
        DEFAULT_CONTEXT,
        DEFAULT_CONTEXT,
        WrapUpPolicy.DEFAULT);
  }

  static ConsoleSettings from(RawSettings raw) {
    return new ConsoleSettings(
        raw.duration("console.heartbeat-interval", Duration.ofSeconds(1), Duration.ofMinutes(5)),
        raw.integer("console.heartbeat-misses", 1, 10),
        raw.integer("console.replay-size", 0, 100_000),
        raw.duration("console.replay-window", Duration.ofSeconds(1), Duration.ofHours(1)),
        raw.integer("console.outbound-queue", 16, 100_000),
        origins(raw),
        context(raw, "console.dial-context"),
        context(raw, "console.queue-context"),
        wrapUp(raw));
  }

  private static WrapUpPolicy wrapUp(RawSettings raw) {
    try {
      return WrapUpPolicy.parse(raw.text("console.wrap-up"));
    } catch (IllegalArgumentException bad) {
      throw raw.invalid("console.wrap-up", bad.getMessage());
    }
  }

  static String context(RawSettings raw, String key) {
    return dialplanName(raw, key, "dialplan context");
  }

  /**
   * A dialplan context or queue name: letters, digits, {@code _ . -}; the error names {@code what}.
   */
  static String dialplanName(RawSettings raw, String key, String what) {
    String name = raw.required(key);
    if (!CONTEXT.matcher(name).matches()) {
      throw raw.invalid(key, "'" + name + "' is not a " + what + " name (letters, digits, _ . -)");
    }
    return name;
  }

  private static List<String> origins(RawSettings raw) {
    List<String> origins = new ArrayList<>();
    for (String part : raw.text("console.allowed-origins").split(",")) {
      String origin = part.trim().toLowerCase(Locale.ROOT);
      if (origin.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = new URI(origin);
      } catch (java.net.URISyntaxException bad) {
        throw raw.invalid("console.allowed-origins", "'" + origin + "' is not an origin");
      }
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null
          || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
          || uri.getRawQuery() != null) {
        throw raw.invalid(
            "console.allowed-origins",
            "'" + origin + "' is not an origin such as https://console.example.com:8443");
      }
      origins.add(origin);
    }
    return origins;
  }
}
