package io.switchboard.core.config;

import java.time.Duration;

/**
 * How the AMI client of every configured Asterisk server logs in, keeps its session alive and
 * reconnects (reference/ami-protocol.md 1.3 and 1.5). Shared by all servers.
 *
 * @param auth {@code md5} (Challenge, then a key; the secret never crosses the wire) or {@code
 *     plain}
 * @param pingInterval time between keep-alive {@code Ping} actions on a logged-in session
 * @param actionTimeout time an action, the TCP connect with its banner, the login or a keep-alive
 *     {@code Ping} has to answer; a {@code Ping} left unanswered declares the session dead
 * @param reconnectMinDelay the first reconnect waits up to this long (full jitter)
 * @param reconnectMaxDelay the ceiling the doubling reconnect delay never passes
 */
public record AmiClientSettings(
    AuthType auth,
    Duration pingInterval,
    Duration actionTimeout,
    Duration reconnectMinDelay,
    Duration reconnectMaxDelay) {

  /** The two ways Asterisk's {@code Login} action authenticates ({@code main/manager.c}). */
  public enum AuthType {
    /** {@code Challenge} with {@code AuthType: MD5}, then {@code Key: md5(challenge + secret)}. */
    MD5,
    /** {@code Secret} in clear text. */
    PLAIN
  }

  public AmiClientSettings {
    if (reconnectMinDelay.compareTo(reconnectMaxDelay) > 0) {
      throw new IllegalArgumentException(
          "reconnect delays: the minimum "
              + reconnectMinDelay.toMillis()
              + " ms is above the maximum "
              + reconnectMaxDelay.toMillis()
              + " ms");
    }
  }

  /** The built-in defaults: MD5, Ping every 20 s, 10 s per action, reconnect 0.5 s to 30 s. */
  public static AmiClientSettings defaults() {
    return from(RawSettings.defaults());
  }

  static AmiClientSettings from(RawSettings raw) {
    Duration min =
        raw.duration("ami.reconnect-min-delay", Duration.ofMillis(10), Duration.ofMinutes(1));
    Duration max =
        raw.duration("ami.reconnect-max-delay", Duration.ofMillis(10), Duration.ofMinutes(10));
    if (min.compareTo(max) > 0) {
      throw raw.invalid(
          "ami.reconnect-min-delay",
          "must not be above ami.reconnect-max-delay ("
              + raw.text("ami.reconnect-max-delay")
              + ")");
    }
    return new AmiClientSettings(
        raw.choice("ami.auth", AuthType.class),
        raw.duration("ami.ping-interval", Duration.ofSeconds(1), Duration.ofMinutes(10)),
        raw.duration("ami.action-timeout", Duration.ofMillis(100), Duration.ofMinutes(5)),
        min,
        max);
  }
}
