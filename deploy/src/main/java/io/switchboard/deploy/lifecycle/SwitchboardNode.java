package io.switchboard.deploy.lifecycle;

import io.switchboard.agentws.AgentWsModule;
import io.switchboard.ami.AmiBridge;
import io.switchboard.core.SuppressForbidden;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.health.HealthMonitor;
import io.switchboard.core.metrics.PrometheusMetrics;
import io.switchboard.core.persistence.DatabaseMigrations;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.CrmModule;
import io.switchboard.deploy.http.HttpServerVerticle;
import io.switchboard.dialer.DialerModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Switchboard node. {@link #start} brings the parts up in order (embedded servers in
 * dev mode, schema migrations, Vert.x with metrics, PostgreSQL pool, Redis, health checks, then the
 * verticles, HTTP last); {@link #stop} takes them down in reverse. Both block the calling thread,
 * which is Main's, never an event loop.
 */
public final class SwitchboardNode {

  private static final Logger LOG = LoggerFactory.getLogger(SwitchboardNode.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final DevServices devServices = new DevServices();
  private final Deque<Step> stopSteps = new ArrayDeque<>();
  private SwitchboardSettings settings;
  private int httpPort;
  private String summary = "";

  private SwitchboardNode() {}

  /**
   * A named piece of shutdown work. An {@code always} step runs even when time is up: stopping the
   * embedded servers must not be skipped, or their processes would outlive the node.
   */
  private record Step(String name, boolean always, StopWork work) {}

  /** Stops one part, waiting at most {@code budget} for it. */
  @FunctionalInterface
  private interface StopWork {
    void stop(Duration budget) throws Exception;
  }

  /**
   * Starts a node; on failure, stops whatever had started and rethrows.
   *
   * @param configured the loaded settings; dev mode fills in embedded servers
   */
  public static SwitchboardNode start(SwitchboardSettings configured) {
    SwitchboardNode node = new SwitchboardNode();
    try {
      node.startParts(configured);
      return node;
    } catch (RuntimeException failed) {
      node.stop(Duration.ofSeconds(10));
      throw failed;
    }
  }

  @SuppressForbidden(reason = "start-up runs on Main's thread and waits for each part in order")
  private void startParts(SwitchboardSettings configured) {
    // Registered first: if one embedded server starts and the next fails, the first still stops.
    stopSteps.push(new Step("embedded servers", true, budget -> devServices.close()));
    settings = devServices.startMissing(configured);
    summary = devServices.describe(settings);

    int applied = DatabaseMigrations.migrate(settings.postgres().address().orElseThrow());
    LOG.info("Database schema is up to date ({} migrations applied now)", applied);

    PrometheusMetrics metrics = PrometheusMetrics.create();
    stopSteps.push(new Step("metrics", false, budget -> metrics.close()));
    Vertx vertx =
        Vertx.builder()
            .with(new VertxOptions().setMetricsOptions(vertxMetricsOptions()))
            .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
            .build();
    stopSteps.push(new Step("vert.x", false, budget -> await(vertx.close(), budget)));

    PostgresDatabase database = PostgresDatabase.open(vertx, settings.postgres());
    stopSteps.push(new Step("postgres pool", false, budget -> await(database.close(), budget)));
    RedisDatabase redis = RedisDatabase.open(vertx, settings.redis());
    stopSteps.push(new Step("redis", false, budget -> await(redis.close(), budget)));

    HealthMonitor health =
        new HealthMonitor(vertx, settings.healthCheckTimeout(), metrics.registry());
    health.register(database.healthCheck());
    health.register(redis.healthCheck());
    AmiBridge ami =
        await(AmiBridge.start(vertx, settings, database, metrics.registry()), START_TIMEOUT);
    stopSteps.push(new Step("ami bridge", false, budget -> await(ami.stop(), budget)));
    ami.healthChecks().forEach(health::register);

    PostgresDatabase lookups = PostgresDatabase.openForLookups(vertx, settings.postgres());
    stopSteps.push(
        new Step("postgres lookup pool", false, budget -> await(lookups.close(), budget)));
    CrmModule crm =
        await(CrmModule.start(vertx, database, lookups, redis, settings), START_TIMEOUT);
    stopSteps.push(new Step("crm", false, budget -> await(crm.close(), budget)));

    DialerModule dialer = await(DialerModule.start(vertx, database, settings), START_TIMEOUT);
    stopSteps.push(new Step("dialer", false, budget -> await(dialer.close(), budget)));

    AgentWsModule console =
        await(
            AgentWsModule.start(vertx, database, redis, settings, metrics.registry()),
            START_TIMEOUT);
    stopSteps.push(new Step("console", false, budget -> await(console.close(), budget)));

    HttpServerVerticle http =
        new HttpServerVerticle(
            settings.http(),
            health,
            metrics,
            List.of(console::mountBeforeBody),
            List.of(crm::mount, dialer::mount));
    String httpDeployment = await(vertx.deployVerticle(http), START_TIMEOUT);
    stopSteps.push(
        new Step("http server", false, budget -> await(vertx.undeploy(httpDeployment), budget)));
    httpPort = http.actualPort();
  }

  private static MicrometerMetricsOptions vertxMetricsOptions() {
    return (MicrometerMetricsOptions)
        new MicrometerMetricsOptions().setJvmMetricsEnabled(false).setEnabled(true);
  }

  /** The port the HTTP server listens on. */
  public int httpPort() {
    return httpPort;
  }

  /** The settings in force, with dev mode's embedded servers filled in. */
  public SwitchboardSettings settings() {
    return settings;
  }

  /** What dev mode started, for the start-up line; empty when nothing. */
  public String summary() {
    return summary;
  }

  /**
   * Stops everything in reverse start order, giving the whole stop at most {@code timeout}.
   *
   * @return true when every part stopped cleanly in time
   */
  @SuppressForbidden(reason = "shutdown runs on its own thread and waits for each part in order")
  public boolean stop(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean clean = true;
    while (!stopSteps.isEmpty()) {
      Step step = stopSteps.pop();
      long left = deadline - System.nanoTime();
      if (left <= 0 && !step.always()) {
        LOG.error("Shutdown ran out of time before stopping {}", step.name());
        clean = false;
        continue;
      }
      try {
        step.work().stop(Duration.ofNanos(Math.max(left, 0)));
      } catch (Exception failed) {
        LOG.warn("Stopping {} failed: {}", step.name(), failed.toString());
        clean = false;
      }
    }
    return clean;
  }

  @SuppressForbidden(reason = "called only from start and stop, on non-event-loop threads")
  private static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException failed) {
      Throwable cause = failed.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    } catch (java.util.concurrent.TimeoutException late) {
      throw new IllegalStateException("no answer within " + timeout.toMillis() + " ms", late);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
  }
}
