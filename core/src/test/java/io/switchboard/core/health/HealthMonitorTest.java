package io.switchboard.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HealthMonitorTest {

  private static final Duration TIMEOUT = Duration.ofMillis(200);

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private HealthMonitor monitor;

  @BeforeEach
  void createMonitor(Vertx vertx) {
    monitor = new HealthMonitor(vertx, TIMEOUT, registry);
  }

  private static HealthCheck check(String name, Supplier<Future<Void>> outcome) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Future<Void> check() {
        return outcome.get();
      }
    };
  }

  private double gauge(String component) {
    return registry
        .get("switchboard.health.component.up")
        .tag("component", component)
        .gauge()
        .value();
  }

  @Test
  void aCheckThatAnswersIsUp(VertxTestContext ctx) {
    monitor.register(check("postgres", Future::succeededFuture));

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          assertThat(report.up()).isTrue();
                          assertThat(report.components())
                              .containsExactly(ComponentHealth.up("postgres"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void aSlowCheckIsReportedDownAfterTheTimeout(VertxTestContext ctx) {
    monitor.register(check("redis", () -> Promise.<Void>promise().future()));
    long started = System.nanoTime();

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
                          assertThat(report.up()).isFalse();
                          assertThat(report.components())
                              .containsExactly(
                                  ComponentHealth.down("redis", "no answer within 200 ms"));
                          assertThat(tookMs).isBetween(TIMEOUT.toMillis() - 20, 2_000L);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aFailingCheckReportsItsMessage(VertxTestContext ctx) {
    monitor.register(check("postgres", Future::succeededFuture));
    monitor.register(
        check("redis", () -> Future.failedFuture(new IllegalStateException("READONLY replica"))));

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          assertThat(report.up()).isFalse();
                          assertThat(report.down()).containsExactly("redis");
                          assertThat(report.components())
                              .containsExactly(
                                  ComponentHealth.up("postgres"),
                                  ComponentHealth.down("redis", "READONLY replica"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void aCheckThatThrowsIsDownWithTheExceptionsName(VertxTestContext ctx) {
    monitor.register(
        check(
            "ami",
            () -> {
              throw new IllegalStateException();
            }));

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          assertThat(report.components())
                              .containsExactly(
                                  ComponentHealth.down("ami", "IllegalStateException"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void theUpGaugeReadsOneForUpAndZeroForDown(VertxTestContext ctx) {
    monitor.register(check("postgres", Future::succeededFuture));
    monitor.register(check("redis", () -> Future.failedFuture("connection refused")));
    assertThat(gauge("postgres")).as("before the first check").isZero();

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          assertThat(gauge("postgres")).isEqualTo(1.0);
                          assertThat(gauge("redis")).isZero();
                          ctx.completeNow();
                        })));
  }

  @Test
  void anAnswerAfterTheTimeoutDoesNotTurnTheComponentUp(Vertx vertx, VertxTestContext ctx) {
    Promise<Void> late = Promise.promise();
    monitor.register(check("redis", late::future));

    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report -> {
                  late.complete();
                  vertx.setTimer(
                      50,
                      tick ->
                          ctx.verify(
                              () -> {
                                assertThat(report.up()).isFalse();
                                assertThat(gauge("redis")).isZero();
                                ctx.completeNow();
                              }));
                }));
  }

  @Test
  void aMonitorWithoutChecksIsUp(VertxTestContext ctx) {
    monitor
        .check()
        .onComplete(
            ctx.succeeding(
                report ->
                    ctx.verify(
                        () -> {
                          assertThat(report.up()).isTrue();
                          assertThat(report.components()).isEmpty();
                          ctx.completeNow();
                        })));
  }
}
