package io.switchboard.deploy.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.PostgresSettings;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.embedded.EmbeddedPostgresServer;
import io.switchboard.core.persistence.DatabaseMigrations;
import io.switchboard.pbxsim.model.CallBehaviour;
import io.switchboard.pbxsim.scenario.MemberSpec;
import io.switchboard.pbxsim.scenario.QueueSpec;
import io.switchboard.pbxsim.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL is stopped for 10 seconds while calls keep ending: the finished calls wait in the
 * call-log spool, and once PostgreSQL is back on its port every call is written exactly once. The
 * test owns its PostgreSQL (an embedded server with a data directory), so stopping it touches
 * nothing else.
 */
class PostgresOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(10);
  private static final long STOP_SECOND = 20;
  private static final long START_SECOND = 50;
  private static final String DATABASE = "switchboard";

  @TempDir Path directory;

  private final SplittableRandom random = new SplittableRandom(10);
  private final Set<String> placed = new HashSet<>();
  private EmbeddedPostgresServer postgres;
  private long stoppedAtNanos;
  private double writtenBeforeTheOutage;

  @AfterEach
  void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void callsEndingWhilePostgresIsStoppedAreAllWrittenOnceWhenItReturns() throws Exception {
    Path data = directory.resolve("postgres");
    postgres = EmbeddedPostgresServer.start(data);
    int port = postgres.port();
    postgres.createDatabaseIfMissing(DATABASE);
    PostgresAddress address = postgres.address(DATABASE);
    DatabaseMigrations.migrate(address);
    PostgresSettings settings =
        SwitchboardSettings.from(RawSettings.defaults()).postgres().withAddress(address);

    try (BridgeBench bench = BridgeBench.start(scenario(), settings, directory)) {
      Timeline timeline = new Timeline(bench);
      for (long s = 0; s < START_SECOND + 20; s++) {
        placeCall(bench, timeline, s);
      }
      timeline.at(STOP_SECOND, () -> stop(bench));
      for (long s = STOP_SECOND + 1; s < START_SECOND; s++) {
        long second = s;
        // Thirty simulated seconds spread over the ten real ones PostgreSQL is away.
        timeline.at(s, () -> paceOutage(second));
      }
      timeline.at(START_SECOND, () -> start(data, port));

      timeline.runUntilQuiet(300);

      assertThat(bench.counter("switchboard.ami.tracker.calls.ended")).isEqualTo(placed.size());
      double spooled = bench.counter("switchboard.calllog.spooled");
      assertThat(spooled).as("call logs that waited in the spool").isGreaterThan(10);
      CallLogTable table = new CallLogTable(address, BridgeBench.SERVER);
      Await.until(
          "every call is in PostgreSQL",
          Duration.ofSeconds(30),
          () -> table.count() >= placed.size());
      Await.until(
          "the spool is empty",
          Duration.ofSeconds(10),
          () -> bench.gauge("switchboard.calllog.spool.records") == 0);
      assertThat(table.count()).isEqualTo(placed.size());
      assertThat(table.duplicates()).isEmpty();
      assertThat(table.read().keySet()).containsExactlyInAnyOrderElementsOf(placed);
      assertThat(writtenBeforeTheOutage).as("calls written before the outage").isPositive();
      assertThat(bench.counter("switchboard.calllog.refused")).isZero();
      assertThat(bench.counter("switchboard.calllog.rejected")).isZero();
    }
  }

  private void stop(BridgeBench bench) {
    double ended = bench.counter("switchboard.ami.tracker.calls.ended");
    Await.until(
        "the calls that ended so far are written",
        Duration.ofSeconds(10),
        () -> bench.counter("switchboard.calllog.written") >= ended);
    writtenBeforeTheOutage = bench.counter("switchboard.calllog.written");
    postgres.close();
    postgres = null;
    stoppedAtNanos = System.nanoTime();
  }

  private void paceOutage(long second) {
    long dueNanos =
        stoppedAtNanos + OUTAGE.toNanos() * (second - STOP_SECOND) / (START_SECOND - STOP_SECOND);
    long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
    if (waitMillis > 0) {
      Await.pause(waitMillis);
    }
  }

  private void start(Path data, int port) {
    paceOutage(START_SECOND);
    postgres = EmbeddedPostgresServer.start(data, port);
  }

  /** One call a second: short conversations and short-lived waits, so that calls keep ending. */
  private void placeCall(BridgeBench bench, Timeline timeline, long second) {
    boolean toAgents = random.nextInt(4) > 0;
    CallBehaviour behaviour =
        toAgents
            ? new CallBehaviour(
                1000L * random.nextInt(1, 4),
                1000L * random.nextInt(3, 13),
                random.nextBoolean(),
                null)
            : new CallBehaviour(null, null, false, 1000L * random.nextInt(2, 9));
    String queue = toAgents ? "support" : "overflow";
    timeline.at(
        second,
        () ->
            placed.add(
                bench
                    .await(
                        bench
                            .sim()
                            .placeInboundCall(
                                queue, "+4420793" + String.format("%05d", second), behaviour))
                    .uniqueid()));
  }

  private static Scenario scenario() {
    List<MemberSpec> agents = new ArrayList<>();
    for (int exten = 1001; exten <= 1015; exten++) {
      agents.add(new MemberSpec("PJSIP/" + exten, "Agent " + exten, 0, false, null));
    }
    return new Scenario(
        "trunk",
        List.of(
            new QueueSpec("support", "leastrecent", 15, 1, 0, 60, agents),
            new QueueSpec("overflow", "ringall", 15, 1, 0, 60, List.of())),
        null,
        null,
        null);
  }
}
