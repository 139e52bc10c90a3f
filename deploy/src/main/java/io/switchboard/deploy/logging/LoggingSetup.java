package io.switchboard.deploy.logging;

import io.switchboard.core.config.LogSettings;
import java.util.Locale;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Points Logback at the configured format and level, and routes java.util.logging and Vert.x's own
 * logging through SLF4J. Must run before the first logger is created, which is why Main creates no
 * logger of its own until this has run.
 */
public final class LoggingSetup {

  private LoggingSetup() {}

  /** Applies the log settings; call once, first thing after the settings are loaded. */
  public static void apply(LogSettings settings) {
    System.setProperty("switchboard.log.format", settings.format().name().toLowerCase(Locale.ROOT));
    System.setProperty("switchboard.log.level", settings.level().name());
    System.setProperty(
        "vertx.logger-delegate-factory-class-name",
        "io.vertx.core.logging.SLF4JLogDelegateFactory");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }
}
