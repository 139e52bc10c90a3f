package io.switchboard.core.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every registered {@link HealthCheck} concurrently, each under a timeout, and remembers the
 * last result of each for the {@code switchboard.health.component.up} gauge. Checks are registered
 * during start-up only; {@link #check()} may be called from any context.
 */
public final class HealthMonitor {

  private final Vertx vertx;
  private final Duration timeout;
  private final MeterRegistry registry;
  private final List<HealthCheck> checks = new ArrayList<>();
  private final Map<String, Boolean> lastUp = new ConcurrentHashMap<>();

  public HealthMonitor(Vertx vertx, Duration timeout, MeterRegistry registry) {
    this.vertx = vertx;
    this.timeout = timeout;
    this.registry = registry;
  }

  /** Adds a check; call before the server starts answering readiness probes. */
  public synchronized void register(HealthCheck check) {
    checks.add(check);
    lastUp.put(check.name(), false);
    Gauge.builder("switchboard.health.component.up", lastUp, up -> up.get(check.name()) ? 1 : 0)
        .description("1 when the dependency answered its last readiness check, 0 when it did not")
        .tag("component", check.name())
        .register(registry);
  }

  /** Runs all checks now; never fails: a failed or late check is reported as down. */
  public Future<HealthReport> check() {
    List<HealthCheck> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(checks);
    }
    List<Future<ComponentHealth>> results = new ArrayList<>();
    for (HealthCheck check : snapshot) {
      results.add(run(check));
    }
    return Future.join(results)
        .transform(
            ignored -> {
              List<ComponentHealth> components = new ArrayList<>();
              results.forEach(result -> components.add(result.result()));
              return Future.succeededFuture(new HealthReport(components));
            });
  }

  private Future<ComponentHealth> run(HealthCheck check) {
    Promise<ComponentHealth> result = Promise.promise();
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            fired ->
                record(
                    result,
                    ComponentHealth.down(
                        check.name(), "no answer within " + timeout.toMillis() + " ms")));
    Future<Void> attempt;
    try {
      attempt = check.check();
    } catch (RuntimeException thrown) {
      attempt = Future.failedFuture(thrown);
    }
    attempt.onComplete(
        outcome -> {
          vertx.cancelTimer(timer);
          record(
              result,
              outcome.succeeded()
                  ? ComponentHealth.up(check.name())
                  : ComponentHealth.down(check.name(), describe(outcome.cause())));
        });
    return result.future();
  }

  private void record(Promise<ComponentHealth> result, ComponentHealth health) {
    if (result.tryComplete(health)) {
      lastUp.put(health.name(), health.up());
    }
  }

  private String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
