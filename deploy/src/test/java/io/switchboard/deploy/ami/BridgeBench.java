package io.switchboard.deploy.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.AmiBridge;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.config.PostgresSettings;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.pbxsim.PbxSimSettings;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.pbxsim.model.Channel;
import io.switchboard.pbxsim.scenario.Scenario;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One node's AMI bridge against one in-process simulated Asterisk, both on one Vert.x: the
 * simulator on its manual clock, the bridge's trackers on a {@link SimulatedClock} the bench moves
 * with it, the call logs in a PostgreSQL database the test owns. The test thread drives it and
 * blocks on each step; nothing here runs on an event loop.
 */
final class BridgeBench implements AutoCloseable {

  static final String SERVER = "pbx1";

  /** How long a (re)connect and resync may take in real time. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

  private final Vertx vertx;
  private final PbxSimulator sim;
  private final SimulatedClock clock;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final PostgresDatabase database;
  private final AmiBridge bridge;
  private long simMillis = PbxSimSettings.DEFAULT_START_MILLIS;

  private BridgeBench(Vertx vertx, Scenario scenario, PostgresSettings postgres, Path directory) {
    this.vertx = vertx;
    this.sim =
        Await.result(PbxSimulator.start(vertx, PbxSimSettings.forTests().withScenario(scenario)));
    this.clock = new SimulatedClock(simMillis);
    this.database = PostgresDatabase.open(vertx, postgres);
    SwitchboardSettings settings =
        SwitchboardSettings.from(
            RawSettings.defaults()
                .with(
                    Map.of(
                        "data.dir",
                        directory.resolve("data").toString(),
                        "ami.servers",
                        SERVER + "=ami://admin:admin@127.0.0.1:" + sim.port(),
                        "ami.reconnect-min-delay",
                        "20ms",
                        "ami.reconnect-max-delay",
                        "200ms",
                        "calllog.spool-dir",
                        directory.resolve("spool").toString(),
                        "calllog.retry-interval",
                        "200ms"),
                    "test"));
    this.bridge = Await.result(AmiBridge.start(vertx, settings, database, meters, clock));
    awaitConnectionState("connected");
  }

  /** Starts a simulator with {@code scenario} and a bridge logged in to it. */
  static BridgeBench start(Scenario scenario, PostgresSettings postgres, Path directory) {
    Vertx vertx = Vertx.vertx();
    try {
      return new BridgeBench(vertx, scenario, postgres, directory);
    } catch (RuntimeException | AssertionError failed) {
      Await.result(vertx.close());
      throw failed;
    }
  }

  Vertx vertx() {
    return vertx;
  }

  PbxSimulator sim() {
    return sim;
  }

  SimpleMeterRegistry meters() {
    return meters;
  }

  /** Simulated milliseconds since the epoch. */
  long now() {
    return simMillis;
  }

  /**
   * Moves simulated time to {@code millis}: the trackers' clock first, then the simulator, which
   * runs everything that falls due. Events due between two steps would be timed at the later one,
   * so tests move in steps that land on every due time (whole seconds).
   */
  void moveTo(long millis) {
    if (millis < simMillis) {
      throw new IllegalArgumentException("time only moves forward");
    }
    clock.set(millis);
    Await.result(sim.advance(Duration.ofMillis(millis - simMillis)));
    simMillis = millis;
  }

  /** Runs what the simulator scheduled for now (an async Originate's dialling, for one). */
  void runDue() {
    Await.result(sim.advance(Duration.ZERO));
  }

  /**
   * Returns once the trackers have taken every event the simulator sent so far: a Getvar through
   * the bridge's action service is answered after them on the same AMI session, and the client
   * hands events to the tracker in wire order before it completes the action.
   */
  void barrier() {
    action(AmiActionAddresses.GETVAR, new JsonObject().put(AmiActionFields.VARIABLE, "E2E_SYNC"));
  }

  /** Sends a request to the bridge's AMI action service and returns the reply body. */
  JsonObject action(String address, JsonObject request) {
    return Await.result(vertx.eventBus().<JsonObject>request(address, request)).body();
  }

  <T> T await(Future<T> future) {
    return Await.result(future);
  }

  /** Waits until the AMI client of the server is in {@code state} (e.g. {@code connected}). */
  void awaitConnectionState(String state) {
    Await.until(
        "the AMI client is " + state,
        CONNECT_TIMEOUT,
        () -> {
          Gauge gauge =
              meters
                  .find("switchboard.ami.connection.state")
                  .tags("server", SERVER, "state", state)
                  .gauge();
          return gauge != null && gauge.value() == 1;
        });
  }

  /** Waits until the AMI client has noticed that its session is gone. */
  void awaitNotConnected() {
    Await.until(
        "the AMI client has lost its session",
        CONNECT_TIMEOUT,
        () ->
            gauge("switchboard.ami.connection.state", "server", SERVER, "state", "connected") == 0);
  }

  /** The Linkedids of the calls the simulator has channels of now. */
  Set<String> liveLinkedIds() {
    return await(
        sim.onModel(m -> m.channels().stream().map(Channel::linkedid).collect(Collectors.toSet())));
  }

  /** The total of a counter over all its tag values; 0 when it does not exist yet. */
  double counter(String name, String... tags) {
    return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** The value of a gauge; NaN when it does not exist. */
  double gauge(String name, String... tags) {
    Gauge gauge = meters.find(name).tags(tags).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  @Override
  public void close() {
    try {
      Await.result(bridge.stop());
      Await.result(sim.close());
      Await.result(database.close());
    } finally {
      Await.result(vertx.close());
    }
  }
}
