package io.switchboard.deploy.lifecycle;

import io.switchboard.core.SuppressForbidden;
import io.switchboard.core.config.AmiServerSettings;
import io.switchboard.pbxsim.PbxSimSettings;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.pbxsim.scenario.Scenario;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's stand-in for Asterisk: the PBX simulator with its built-in queues and agents, on a
 * free loopback port, with its own Vert.x instance as a separate PBX would have, and calls arriving
 * at the configured rate. The node then connects to it like to any Asterisk server.
 */
final class DevPbxSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevPbxSimulator.class);

  /** The server id call logs from the simulator carry. */
  static final String SERVER_ID = "pbx-sim";

  private final Vertx vertx;
  private final PbxSimulator simulator;

  private DevPbxSimulator(Vertx vertx, PbxSimulator simulator) {
    this.vertx = vertx;
    this.simulator = simulator;
  }

  @SuppressForbidden(reason = "dev-mode start-up runs on Main's thread, before the node's Vert.x")
  static DevPbxSimulator start(String rate) {
    Vertx vertx = Vertx.vertx();
    // Loopback only: the simulator's admin/admin account must not be reachable from the network.
    io.switchboard.pbxsim.server.AmiServerSettings loopback =
        io.switchboard.pbxsim.server.AmiServerSettings.defaults(0).withHost("127.0.0.1");
    Scenario scenario = Scenario.builtIn();
    double perSecond = io.switchboard.pbxsim.scenario.TrafficSpec.perSecond(rate);
    PbxSimSettings settings =
        PbxSimSettings.forTests()
            .withAmi(loopback)
            .withScenario(scenario.withTraffic(scenario.traffic().withRate(rate)))
            .withSeed(System.nanoTime())
            .withRealClock()
            .withTraffic(perSecond > 0);
    try {
      PbxSimulator simulator =
          PbxSimulator.start(vertx, settings)
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      return new DevPbxSimulator(vertx, simulator);
    } catch (Exception failed) {
      if (failed instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      vertx.close();
      throw new IllegalStateException(
          "the dev-mode PBX simulator did not start: " + failed, failed);
    }
  }

  /** How the node reaches the simulator: account admin/admin on its loopback port. */
  List<AmiServerSettings> servers() {
    return AmiServerSettings.parseList(
        SERVER_ID + "=ami://admin:admin@127.0.0.1:" + simulator.port());
  }

  int port() {
    return simulator.port();
  }

  @Override
  @SuppressForbidden(reason = "dev-mode shutdown waits briefly for the simulator on its own thread")
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception late) {
      if (late instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("The dev-mode PBX simulator did not stop cleanly: {}", late.toString());
    }
  }
}
