package io.switchboard.deploy.bench;

import io.switchboard.pbxsim.PbxSimulator;
import io.vertx.core.Vertx;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places inbound calls on the simulator at a mean rate (Poisson arrivals, seeded), each from a
 * random customer's number into a random queue, with {@link BenchScenario#CALL} behaviour so that
 * the member answers and the caller hangs up by themselves. Runs on one Vert.x timer chain (one
 * context); the simulator hops each call onto its own context.
 */
final class CallDriver {

  private final Vertx vertx;
  private final PbxSimulator sim;
  private final double perSecond;
  private final int customers;
  private final int queues;
  private final SplittableRandom random = new SplittableRandom(42);
  private final AtomicLong placed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean running;
  private long nextArrivalNanos;

  CallDriver(Vertx vertx, PbxSimulator sim, double perSecond, int customers, int queues) {
    this.vertx = vertx;
    this.sim = sim;
    this.perSecond = perSecond;
    this.customers = customers;
    this.queues = queues;
  }

  void start() {
    running = true;
    vertx.runOnContext(
        v -> {
          nextArrivalNanos = System.nanoTime() + gapNanos();
          scheduleNext();
        });
  }

  void stop() {
    running = false;
  }

  long placed() {
    return placed.get();
  }

  long failed() {
    return failed.get();
  }

  /**
   * Arrival times are kept on the nanosecond clock and the timer only wakes us up, so that timer
   * lateness does not lower the rate: every arrival that fell due meanwhile is placed at once.
   */
  private void scheduleNext() {
    if (!running) {
      return;
    }
    long delayMillis = Math.max(1, (nextArrivalNanos - System.nanoTime()) / 1_000_000);
    vertx.setTimer(delayMillis, id -> placeDue());
  }

  private void placeDue() {
    while (running && System.nanoTime() >= nextArrivalNanos) {
      arrive();
      nextArrivalNanos += gapNanos();
    }
    scheduleNext();
  }

  private long gapNanos() {
    return Math.round(-Math.log(1 - random.nextDouble()) / perSecond * 1e9);
  }

  private void arrive() {
    String number = BenchScenario.callerNumber(1 + random.nextInt(customers));
    String queue = BenchScenario.queue(random.nextInt(queues));
    sim.placeInboundCall(queue, number, BenchScenario.CALL)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                placed.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            });
  }
}
