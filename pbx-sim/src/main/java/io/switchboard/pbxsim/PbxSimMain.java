package io.switchboard.pbxsim;

import io.switchboard.core.SuppressForbidden;
import io.switchboard.pbxsim.scenario.Scenario;
import io.switchboard.pbxsim.scenario.ScenarioParser;
import io.switchboard.pbxsim.server.AmiServerSettings;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar pbx-sim.jar --port 5038 --rate 5/s [--seed N] [--scenario file] [--user u
 * --secret s] [--ami-version 9.0.0] [--replay file [--replay-interval ms]]}: a simulated Asterisk
 * on the real clock with seeded traffic. Reads its files once on the main thread, then runs on
 * Vert.x until killed.
 */
public final class PbxSimMain {

  static {
    // Before the first logger: the standalone jar logs with its own file, at INFO.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-pbxsim.xml");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(PbxSimMain.class);

  static final String USAGE =
      "usage: java -jar pbx-sim.jar [--port 5038] [--rate 5/s] [--seed N] [--scenario file.yaml]"
          + " [--user admin --secret admin] [--ami-version 7.0.3|9.0.0] [--replay capture.ami"
          + " [--replay-interval ms]]";

  private PbxSimMain() {}

  public static void main(String[] args) {
    PbxSimSettings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return;
    }
    Vertx vertx = Vertx.vertx();
    PbxSimulator.start(vertx, settings)
        .onSuccess(
            sim -> LOG.info("pbx-sim ready on port {} (seed {})", sim.port(), settings.seed()))
        .onFailure(
            e -> {
              LOG.error("pbx-sim could not start: {}", e.getMessage());
              vertx.close();
            });
  }

  @SuppressForbidden(reason = "command-line usage goes to stderr before anything runs")
  private static void fail(String message) {
    System.err.println("pbx-sim: " + message);
    System.err.println(USAGE);
    System.exit(2);
  }

  /** Turns the arguments into settings; every mistake names the option. */
  static PbxSimSettings parse(String[] args) {
    AmiServerSettings ami = AmiServerSettings.defaults(AmiServerSettings.DEFAULT_PORT);
    Scenario scenario = Scenario.builtIn();
    String rate = null;
    long seed = 1;
    String user = null;
    String secret = null;
    List<String> replay = new ArrayList<>();
    long replayInterval = 0;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> ami = ami.withPort(number(option, value));
        case "--rate" -> rate = value;
        case "--seed" -> seed = number(option, value);
        case "--scenario" -> scenario = ScenarioParser.parse(read(option, value));
        case "--user" -> user = value;
        case "--secret" -> secret = value;
        case "--ami-version" -> ami = ami.withAmiVersion(value);
        case "--replay" -> replay.add(read(option, value));
        case "--replay-interval" -> replayInterval = number(option, value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if ((user == null) != (secret == null)) {
      throw new IllegalArgumentException("--user and --secret go together");
    }
    if (user != null) {
      ami = ami.withUser(user, secret);
    }
    if (rate != null) {
      scenario = scenario.withTraffic(scenario.traffic().withRate(rate));
    }
    return new PbxSimSettings(
        ami,
        scenario,
        seed,
        false,
        PbxSimSettings.DEFAULT_START_MILLIS,
        replay.isEmpty(),
        replay,
        replayInterval);
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option " + option + " needs a number, got '" + value + "'");
    }
  }

  @SuppressForbidden(reason = "reads the scenario or capture once at start-up, before Vert.x runs")
  private static String read(String option, String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "option " + option + ": cannot read " + file + ": " + e.getMessage());
    }
  }
}
