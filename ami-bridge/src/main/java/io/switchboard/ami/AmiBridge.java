package io.switchboard.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.action.AmiActionVerticle;
import io.switchboard.ami.calllog.CallLogVerticle;
import io.switchboard.ami.client.AmiClient;
import io.switchboard.core.config.AmiServerSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.health.HealthCheck;
import io.switchboard.core.persistence.PostgresDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The AMI bridge of one node, as the node starts it: the call-log writer first (so that no finished
 * call finds nobody to write it), then one client-and-tracker verticle per configured Asterisk
 * server, then the event-bus action service. {@link #stop} undeploys them in reverse. Its methods
 * are called from the node's start and stop thread.
 */
public final class AmiBridge {

  private final Vertx vertx;
  private final Deque<String> deployments = new ArrayDeque<>();
  private final List<HealthCheck> healthChecks = new ArrayList<>();

  private AmiBridge(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Deploys the bridge's verticles; AMI logins go on in the background (see health checks). */
  public static Future<AmiBridge> start(
      Vertx vertx, SwitchboardSettings settings, PostgresDatabase database, MeterRegistry meters) {
    return start(vertx, settings, database, meters, Clock.systemUTC());
  }

  /**
   * As {@link #start(Vertx, SwitchboardSettings, PostgresDatabase, MeterRegistry)}, with the clock
   * the call trackers time calls by (AMI events carry no time of their own). Tests that drive a
   * simulated Asterisk on a manual clock pass that clock, so that call times follow it.
   */
  public static Future<AmiBridge> start(
      Vertx vertx,
      SwitchboardSettings settings,
      PostgresDatabase database,
      MeterRegistry meters,
      Clock trackerClock) {
    AmiBridge bridge = new AmiBridge(vertx);
    List<AmiClient> clients = new ArrayList<>();
    List<AmiServerVerticle> servers = new ArrayList<>();
    for (AmiServerSettings server : settings.amiServers()) {
      AmiServerVerticle verticle =
          new AmiServerVerticle(vertx, server, settings.amiClient(), meters, trackerClock);
      servers.add(verticle);
      clients.add(verticle.client());
      bridge.healthChecks.add(verticle.client().healthCheck());
    }
    Future<Void> deployed =
        bridge.deploy(new CallLogVerticle(database, settings.callLog(), meters));
    for (AmiServerVerticle server : servers) {
      deployed = deployed.compose(previous -> bridge.deploy(server));
    }
    return deployed
        .compose(previous -> bridge.deploy(new AmiActionVerticle(clients)))
        .map(bridge)
        .recover(failed -> bridge.stop().transform(stopped -> Future.failedFuture(failed)));
  }

  private Future<Void> deploy(io.vertx.core.Deployable verticle) {
    return vertx
        .deployVerticle(verticle)
        .map(
            id -> {
              deployments.push(id);
              return null;
            });
  }

  /** One readiness check per configured server: up while its AMI session is logged in. */
  public List<HealthCheck> healthChecks() {
    return List.copyOf(healthChecks);
  }

  /**
   * Undeploys the action service, the servers (each logs off) and the call-log writer; each is
   * undeployed even when an earlier one failed, and the first failure fails the result.
   */
  public Future<Void> stop() {
    return stopFrom(null);
  }

  private Future<Void> stopFrom(Throwable firstFailure) {
    if (deployments.isEmpty()) {
      return firstFailure == null ? Future.succeededFuture() : Future.failedFuture(firstFailure);
    }
    String last = deployments.pop();
    return vertx
        .undeploy(last)
        .transform(
            undeployed ->
                stopFrom(
                    firstFailure != null || undeployed.succeeded()
                        ? firstFailure
                        : undeployed.cause()));
  }
}
