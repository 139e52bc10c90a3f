package io.switchboard.core.config;

/** How Switchboard writes its log: format and the level of its own loggers. */
public record LogSettings(Format format, Level level) {

  /** Text for people at a terminal, JSON (one object a line) for log collectors. */
  public enum Format {
    TEXT,
    JSON
  }

  /** The levels an operator may choose. */
  public enum Level {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
  }

  static LogSettings from(RawSettings raw) {
    return new LogSettings(
        raw.choice("log.format", Format.class), raw.choice("log.level", Level.class));
  }
}
