package io.switchboard.deploy.bench;

import io.switchboard.pbxsim.PbxSimSettings;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/**
 * Screen-pop latency, end to end: from the {@code AgentCalled} frame leaving the simulated
 * Asterisk's socket (the simulator's {@link io.switchboard.pbxsim.server.FrameTap}) to the {@code
 * screenpop.show} WebSocket frame arriving at that agent's console, with the node in its own
 * process on real PostgreSQL and Redis, a CRM of {@code --customers} generated customers (every
 * caller is one of them, so each pop carries the 360 view) and {@code --agents} consoles logged in
 * to {@code --queues} queues, under {@code --rate} new calls per second (Poisson). Printed beside
 * it, measured in the same run at the same time: the bare AMI path (the same frames to a raw AMI
 * client in this JVM) and the CRM step alone over REST. Not a test: it prints figures.
 *
 * <p>{@code --pool-size N} sets the node's {@code postgres.pool-size} (default: the node's own).
 * Run from the {@code deploy} directory after {@code package}; see deploy/README.md.
 */
public final class ScreenPopBenchmark {

  private static final String NODE_PATH = "AgentCalled -> node -> screenpop.show at the console";

  private final Vertx vertx;
  private final ScreenPopReport.Settings settings;
  private final PathTimer nodePath = new PathTimer(NODE_PATH);
  private final PathTimer rawPath = new PathTimer("AgentCalled -> raw AMI client in the harness");

  private ScreenPopBenchmark(Vertx vertx, ScreenPopReport.Settings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options =
        BenchOptions.parse(
            args, "agents", "customers", "queues", "rate", "warmup", "seconds", "pool-size");
    ScreenPopReport.Settings settings =
        new ScreenPopReport.Settings(
            options.integer("agents", 1_000),
            options.integer("customers", 1_000_000),
            options.integer("queues", 4),
            options.number("rate", 100),
            options.integer("warmup", 20),
            options.integer("seconds", 60),
            options.integer("pool-size", 0));
    Vertx vertx = Vertx.vertx();
    try (TestDatabase database = TestDatabase.create();
        TestRedis redis = TestRedis.create()) {
      new ScreenPopBenchmark(vertx, settings).run(database, redis);
    } finally {
      Blocking.await(vertx.close(), 30);
    }
  }

  /** Seeds the CRM, starts the simulator with its tap, then the node. */
  private void run(TestDatabase database, TestRedis redis) throws Exception {
    long started = System.nanoTime();
    CustomerSeeder.seed(database, settings.customers());
    say("seeded %,d customers in %.0f s", settings.customers(), secondsSince(started));
    PbxSimulator sim =
        Blocking.await(
            PbxSimulator.start(
                vertx,
                PbxSimSettings.forTests()
                    .withRealClock()
                    .withScenario(BenchScenario.queues(settings.queues()))),
            30);
    try {
      AgentCalledTap tap = new AgentCalledTap(nodePath, rawPath);
      Blocking.await(sim.frameTap(tap), 10);
      Map<String, String> nodeSettings =
          settings.poolSize() > 0
              ? Map.of("SWITCHBOARD_POSTGRES_POOL_SIZE", Integer.toString(settings.poolSize()))
              : Map.of();
      try (BenchNode node = BenchNode.start(database, redis, sim.port(), nodeSettings)) {
        say("node ready on port %d (pid %d)", node.port(), node.pid());
        withAgents(node, sim, tap);
      }
    } finally {
      Blocking.await(sim.close(), 30);
    }
  }

  /** Creates the agents, opens and logs in their consoles, then measures. */
  private void withAgents(BenchNode node, PbxSimulator sim, AgentCalledTap tap) throws Exception {
    String admin = AgentAccounts.adminToken(node.port(), BenchNode.ADMIN_PASSWORD);
    long started = System.nanoTime();
    List<BenchAgent> accounts =
        AgentAccounts.create(node.port(), admin, settings.agents(), settings.queues());
    say("created and logged in %d agent users in %.0f s", settings.agents(), secondsSince(started));
    ConsoleFleet fleet = new ConsoleFleet(vertx, settings.agents());
    started = System.nanoTime();
    Blocking.await(fleet.openAndLogIn(node.port(), accounts, nodePath), 600);
    say("%d consoles open, agents logged in, in %.0f s", settings.agents(), secondsSince(started));
    ReferenceAmiClient raw =
        Blocking.await(ReferenceAmiClient.start(vertx, sim.port(), rawPath), 10);
    tap.referenceSession(raw.localAddress());
    CrmProbe crm = new CrmProbe(vertx, node.port(), admin, settings.customers(), 10);
    CallDriver calls =
        new CallDriver(vertx, sim, settings.rate(), settings.customers(), settings.queues());
    try {
      measure(calls, crm, fleet.counters());
      say("the node's pool and AMI meters at the end of the window:");
      NodeMetrics.print(node.port(), "vertx_pool_", "switchboard_ami_events_received");
    } finally {
      calls.stop();
      Blocking.await(crm.stop(), 10);
      Blocking.await(raw.close(), 10);
      Blocking.await(fleet.close(), 60);
    }
    printNodeWarnings(node, crm);
  }

  /** Calls and CRM probes through the warm-up, then the measured window, then the report. */
  private void measure(CallDriver calls, CrmProbe crm, ConsoleCounters counters) throws Exception {
    calls.start();
    crm.start();
    say("warm-up: %d s at %.0f calls/s", settings.warmupSeconds(), settings.rate());
    Thread.sleep(settings.warmupSeconds() * 1000L);
    LatencySamples nodeSamples = new LatencySamples(1_000_000);
    LatencySamples rawSamples = new LatencySamples(1_000_000);
    long placedBefore = calls.placed();
    long popsBefore = counters.screenPops.get();
    String loadBefore = MachineLoad.oneMinute();
    nodePath.measureInto(nodeSamples);
    rawPath.measureInto(rawSamples);
    crm.measure(true);
    say("measuring: %d s", settings.seconds());
    Thread.sleep(settings.seconds() * 1000L);
    nodePath.measureInto(null);
    rawPath.measureInto(null);
    crm.measure(false);
    ScreenPopReport.print(
        settings,
        new ScreenPopReport.Outcome(
            calls.placed() - placedBefore,
            counters.screenPops.get() - popsBefore,
            calls.failed(),
            loadBefore + " -> " + MachineLoad.oneMinute()),
        counters,
        new ScreenPopReport.Path(nodeSamples.summary(), nodePath),
        new ScreenPopReport.Path(rawSamples.summary(), rawPath),
        crm);
  }

  private static void printNodeWarnings(BenchNode node, CrmProbe crm) throws Exception {
    if (crm.firstError() != null) {
      say("first CRM probe error: %s", crm.firstError());
    }
    NodeLog.printKinds(node.warnings());
    if (node.firstUnhandledException() != null) {
      say("the node's first unhandled exception: %s", node.firstUnhandledException());
    }
  }

  private static double secondsSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void say(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }
}
