package io.switchboard.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.config.RedisAddress;
import io.switchboard.core.health.ComponentHealth;
import io.switchboard.core.health.HealthMonitor;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RedisDatabaseIT {

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  private TestRedis testRedis;
  private RedisDatabase database;

  @BeforeEach
  void givePrefix() {
    testRedis = TestRedis.create();
  }

  @AfterEach
  void closeDatabase(VertxTestContext ctx) {
    if (database == null) {
      ctx.completeNow();
    } else {
      database.close().onComplete(ctx.succeedingThenComplete());
    }
  }

  @AfterEach
  void deleteKeys() {
    testRedis.close();
  }

  @Test
  void theHealthCheckPingSucceeds(Vertx vertx, VertxTestContext ctx) {
    database = RedisDatabase.open(vertx, testRedis.settings());
    HealthMonitor monitor = new HealthMonitor(vertx, HEALTH_TIMEOUT, new SimpleMeterRegistry());
    monitor.register(database.healthCheck());

    connected(vertx, database, 100)
        .compose(ignored -> monitor.check())
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          assertThat(report.components())
                              .containsExactly(ComponentHealth.up("redis"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void keysCarryThePrefix(Vertx vertx) {
    database = RedisDatabase.open(vertx, testRedis.settings());

    assertThat(database.key("agent:42")).isEqualTo(testRedis.keyPrefix() + "agent:42");
  }

  @Test
  void aValueWrittenReadsBackOnTheContextThatAsked(Vertx vertx, VertxTestContext ctx) {
    database = RedisDatabase.open(vertx, testRedis.settings());
    String key = database.key("greeting");
    Context asking = vertx.getOrCreateContext();

    connected(vertx, database, 100)
        .onComplete(
            ctx.succeeding(
                ready ->
                    asking.runOnContext(
                        onAsking ->
                            database
                                .call(database.commands().set(key, "hello"))
                                .compose(ok -> database.call(database.commands().get(key)))
                                .onComplete(
                                    ctx.succeeding(
                                        value ->
                                            ctx.verify(
                                                () -> {
                                                  assertThat(value).isEqualTo("hello");
                                                  assertThat(Vertx.currentContext())
                                                      .isSameAs(asking);
                                                  ctx.completeNow();
                                                }))))));
  }

  @Test
  void healthIsDownWithAMessageWhenNothingListens(Vertx vertx, VertxTestContext ctx)
      throws IOException {
    RedisAddress nowhere = new RedisAddress("127.0.0.1", freePort(), 0, null, null, false);
    database = RedisDatabase.open(vertx, testRedis.settings().withAddress(nowhere));
    HealthMonitor monitor = new HealthMonitor(vertx, HEALTH_TIMEOUT, new SimpleMeterRegistry());
    monitor.register(database.healthCheck());

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          ComponentHealth redis = report.components().get(0);
                          assertThat(redis.up()).isFalse();
                          assertThat(redis.detail()).startsWith("Redis is unreachable: ");
                          ctx.completeNow();
                        })));
  }

  /** Succeeds once Redis answers: the connection opens in the background after open. */
  private static Future<Void> connected(Vertx vertx, RedisDatabase database, int attempts) {
    return database
        .healthCheck()
        .check()
        .recover(
            notYet -> {
              if (attempts <= 1) {
                return Future.failedFuture(notYet);
              }
              Promise<Void> retried = Promise.promise();
              vertx.setTimer(
                  50, tick -> connected(vertx, database, attempts - 1).onComplete(retried));
              return retried.future();
            });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
