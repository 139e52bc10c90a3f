package io.switchboard.deploy.bench;

import io.switchboard.pbxsim.PbxSimSettings;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Vertx;
import java.util.List;

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
 * <p>Run from the {@code deploy} directory after {@code package}; see deploy/README.md.
 */
public final class ScreenPopBenchmark {

  private ScreenPopBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options =
        BenchOptions.parse(args, "agents", "customers", "queues", "rate", "warmup", "seconds");
    int agents = options.integer("agents", 1_000);
    int customers = options.integer("customers", 1_000_000);
    int queues = options.integer("queues", 4);
    double rate = options.number("rate", 100);
    int warmup = options.integer("warmup", 20);
    int seconds = options.integer("seconds", 60);

    Vertx vertx = Vertx.vertx();
    try (TestDatabase database = TestDatabase.create();
        TestRedis redis = TestRedis.create()) {
      long started = System.nanoTime();
      CustomerSeeder.seed(database, customers);
      say("seeded %,d customers in %.0f s", customers, (System.nanoTime() - started) / 1e9);

      PathTimer nodePath = new PathTimer("AgentCalled -> node -> screenpop.show at the console");
      PathTimer rawPath = new PathTimer("AgentCalled -> raw AMI client in the harness");
      PbxSimulator sim =
          Blocking.await(
              PbxSimulator.start(
                  vertx,
                  PbxSimSettings.forTests()
                      .withRealClock()
                      .withScenario(BenchScenario.queues(queues))),
              30);
      AgentCalledTap tap = new AgentCalledTap(nodePath, rawPath);
      Blocking.await(sim.frameTap(tap), 10);

      try (BenchNode node = BenchNode.start(database, redis, sim.port())) {
        say("node ready on port %d (pid %d)", node.port(), node.pid());
        String admin = AgentAccounts.adminToken(node.port(), BenchNode.ADMIN_PASSWORD);
        started = System.nanoTime();
        List<BenchAgent> accounts = AgentAccounts.create(node.port(), admin, agents, queues);
        say("created and logged in %d agent users in %.0f s", agents, secondsSince(started));

        ConsoleFleet fleet = new ConsoleFleet(vertx, agents);
        started = System.nanoTime();
        Blocking.await(fleet.openAndLogIn(node.port(), accounts, nodePath), 600);
        say("%d consoles open, agents logged in, in %.0f s", agents, secondsSince(started));

        ReferenceAmiClient raw =
            Blocking.await(ReferenceAmiClient.start(vertx, sim.port(), rawPath), 10);
        tap.referenceSession(raw.localAddress());
        CrmProbe crm = new CrmProbe(vertx, node.port(), admin, customers, 10);
        CallDriver calls = new CallDriver(vertx, sim, rate, customers, queues);

        calls.start();
        crm.start();
        say("warm-up: %d s at %.0f calls/s", warmup, rate);
        Thread.sleep(warmup * 1000L);
        LatencySamples nodeSamples = new LatencySamples(1_000_000);
        LatencySamples rawSamples = new LatencySamples(1_000_000);
        long placedBefore = calls.placed();
        long popsBefore = fleet.counters().screenPops.get();
        nodePath.measureInto(nodeSamples);
        rawPath.measureInto(rawSamples);
        crm.measure(true);
        String loadBefore = MachineLoad.oneMinute();
        say("measuring: %d s", seconds);
        Thread.sleep(seconds * 1000L);
        String load = loadBefore + " -> " + MachineLoad.oneMinute();
        nodePath.measureInto(null);
        rawPath.measureInto(null);
        crm.measure(false);
        long placed = calls.placed() - placedBefore;
        long pops = fleet.counters().screenPops.get() - popsBefore;
        calls.stop();
        Blocking.await(crm.stop(), 10);

        ScreenPopReport.print(
            new ScreenPopReport.Run(
                agents, customers, queues, rate, warmup, seconds, placed, pops, load),
            fleet.counters(),
            nodeSamples.summary(),
            nodePath,
            rawSamples.summary(),
            rawPath,
            crm.lookups().summary(),
            crm.lookupAnd360().summary(),
            crm.errors(),
            calls.failed());
        if (crm.firstError() != null) {
          say("first CRM probe error: %s", crm.firstError());
        }
        List<String> warnings = node.warnings();
        say("the node logged %d warnings or errors; the first and the last:", warnings.size());
        if (!warnings.isEmpty()) {
          System.out.println("node: " + warnings.get(0));
          System.out.println("node: " + warnings.get(warnings.size() - 1));
        }

        Blocking.await(raw.close(), 10);
        Blocking.await(fleet.close(), 60);
      } finally {
        Blocking.await(sim.close(), 30);
      }
    } finally {
      Blocking.await(vertx.close(), 30);
    }
  }

  private static double secondsSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void say(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }
}
