package io.switchboard.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.health.ComponentHealth;
import io.switchboard.core.health.HealthMonitor;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PostgresDatabaseIT {

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  private TestDatabase testDatabase;
  private PostgresDatabase database;

  @AfterEach
  void closePool(VertxTestContext ctx) {
    if (database == null) {
      ctx.completeNow();
    } else {
      database.close().onComplete(ctx.succeedingThenComplete());
    }
  }

  @AfterEach
  void dropDatabase() {
    if (testDatabase != null) {
      testDatabase.close();
    }
  }

  @Test
  void theHealthCheckSucceedsAgainstTheTestDatabase(Vertx vertx, VertxTestContext ctx) {
    testDatabase = TestDatabase.create();
    database = PostgresDatabase.open(vertx, testDatabase.settings());
    HealthMonitor monitor = new HealthMonitor(vertx, HEALTH_TIMEOUT, new SimpleMeterRegistry());
    monitor.register(database.healthCheck());

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          assertThat(report.components())
                              .containsExactly(ComponentHealth.up("postgres"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void thePoolQueriesTheMigratedSchema(Vertx vertx, VertxTestContext ctx) {
    testDatabase = TestDatabase.create();
    database = PostgresDatabase.open(vertx, testDatabase.settings());

    database
        .pool()
        .query("SELECT name FROM roles ORDER BY name")
        .execute()
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .extracting(row -> row.getString("name"))
                              .containsExactly("admin", "agent", "supervisor");
                          ctx.completeNow();
                        })));
  }

  @Test
  void theHealthCheckFailsWithinTheTimeoutWhenNothingListens(Vertx vertx, VertxTestContext ctx)
      throws IOException {
    PostgresAddress nowhere =
        new PostgresAddress("127.0.0.1", freePort(), "switchboard", "postgres", "unused");
    database =
        PostgresDatabase.open(
            vertx,
            SwitchboardSettings.from(RawSettings.defaults()).postgres().withAddress(nowhere));
    HealthMonitor monitor = new HealthMonitor(vertx, HEALTH_TIMEOUT, new SimpleMeterRegistry());
    monitor.register(database.healthCheck());
    long started = System.nanoTime();

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          Duration took = Duration.ofNanos(System.nanoTime() - started);
                          ComponentHealth postgres = report.components().get(0);
                          assertThat(postgres.up()).isFalse();
                          assertThat(postgres.detail())
                              .isNotBlank()
                              .doesNotContain("no answer within");
                          assertThat(took).isLessThan(HEALTH_TIMEOUT);
                          ctx.completeNow();
                        })));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
