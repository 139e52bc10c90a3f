package io.switchboard.deploy;

import io.switchboard.core.SuppressForbidden;
import io.switchboard.core.config.InvalidSettingException;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.deploy.config.CommandLine;
import io.switchboard.deploy.config.SettingsLoader;
import io.switchboard.deploy.lifecycle.SwitchboardNode;
import io.switchboard.deploy.logging.LoggingSetup;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Switchboard node: loads and checks the settings, starts the node, and on SIGTERM or
 * SIGINT drains and closes everything and exits 0. A bad setting exits 2 with one line naming the
 * key; a failure to start exits 1.
 */
public final class Main {

  static final int EXIT_OK = 0;
  static final int EXIT_START_FAILED = 1;
  static final int EXIT_BAD_SETTING = 2;
  static final int EXIT_STOP_FAILED = 3;

  private Main() {}

  public static void main(String[] args) {
    SwitchboardSettings settings;
    try {
      CommandLine commandLine = CommandLine.parse(Arrays.asList(args));
      if (commandLine.help()) {
        print(CommandLine.USAGE);
        System.exit(EXIT_OK);
        return;
      }
      settings = SettingsLoader.load(commandLine, System.getenv());
    } catch (InvalidSettingException bad) {
      complain("switchboard: bad setting " + bad.getMessage());
      System.exit(EXIT_BAD_SETTING);
      return;
    } catch (IllegalArgumentException bad) {
      complain("switchboard: " + bad.getMessage());
      System.exit(EXIT_BAD_SETTING);
      return;
    }
    LoggingSetup.apply(settings.log());
    run(settings);
  }

  private static void run(SwitchboardSettings settings) {
    Logger log = LoggerFactory.getLogger(Main.class);
    SwitchboardNode node;
    try {
      node = SwitchboardNode.start(settings);
    } catch (RuntimeException failed) {
      log.error("Switchboard could not start: {}", failed.getMessage(), failed);
      complain("switchboard: could not start: " + failed.getMessage());
      System.exit(EXIT_START_FAILED);
      return;
    }
    installStopSignals(node, log);
    String dev = node.summary().isEmpty() ? "" : " (" + node.summary() + ")";
    log.info(
        "Switchboard is ready: open http://{}:{}/{}",
        displayHost(settings.http().host()),
        node.httpPort(),
        dev);
  }

  @SuppressForbidden(reason = "the JDK has no public API for SIGTERM; sun.misc.Signal is stable")
  private static void installStopSignals(SwitchboardNode node, Logger log) {
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop =
        () -> {
          log.info("Stopping: draining and closing everything");
          boolean clean = node.stop(node.settings().shutdownTimeout());
          log.info(clean ? "Stopped" : "Stopped, but not cleanly (see above)");
          System.exit(clean ? EXIT_OK : EXIT_STOP_FAILED);
        };
    for (String name : new String[] {"TERM", "INT"}) {
      sun.misc.Signal.handle(
          new sun.misc.Signal(name),
          signal -> {
            if (stopping.compareAndSet(false, true)) {
              Thread shutdown = new Thread(stop, "switchboard-shutdown");
              // Signal threads are daemons, and so would be this one: the JVM would then end as
              // soon as Vert.x's threads did, before the embedded servers were stopped.
              shutdown.setDaemon(false);
              shutdown.start();
            }
          });
    }
  }

  private static String displayHost(String host) {
    return "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
  }

  @SuppressForbidden(reason = "usage goes to the terminal before logging exists")
  private static void print(String text) {
    System.out.print(text);
  }

  @SuppressForbidden(reason = "a bad setting is reported on stderr before logging exists")
  private static void complain(String line) {
    System.err.println(line.replaceAll("\\s*\\R\\s*", " "));
  }
}
