package io.switchboard.dialer.runner;

import io.switchboard.dialer.persistence.RunnerLeaseRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the campaign runner to one node: the runner dials only while this node holds the runner
 * lease ({@link RunnerLeaseRepository}, a PostgreSQL advisory lock on a connection of its own). Not
 * holding it, the runner stands by and tries again every {@link RunnerSettings#leaseRetry()};
 * holding it, it checks the lock on that period. Taking it runs {@code taken} (the reclaim of leads
 * a previous runner left dialing) before the runner leads; losing it runs {@code lost} at once (no
 * new dial starts; calls under way are still followed). Owned by the runner's context.
 */
final class RunnerLease {

  private static final Logger LOG = LoggerFactory.getLogger(RunnerLease.class);

  private final RunnerLeaseRepository repository;
  private final Duration retry;
  private final Supplier<Future<?>> taken;
  private final Runnable lost;
  private Vertx vertx;
  private long timer = -1;
  private boolean leads;
  private boolean busy;
  private boolean standingBy;
  private boolean stopped;

  RunnerLease(
      RunnerLeaseRepository repository, Duration retry, Supplier<Future<?>> taken, Runnable lost) {
    this.repository = repository;
    this.retry = retry;
    this.taken = taken;
    this.lost = lost;
  }

  /**
   * The first try: completes once this node leads (after {@code taken}) or stands by; never fails,
   * so the node's start never waits for another node. Then retries or checks every period.
   */
  Future<Void> start(Vertx owner) {
    vertx = owner;
    return attempt()
        .onComplete(first -> timer = vertx.setPeriodic(retry.toMillis(), tick -> periodic()));
  }

  /** Whether this node's runner leads: it may start dials. */
  boolean leads() {
    return leads;
  }

  /** Gives the lease up (the lease connection goes back to the pool without the lock). */
  Future<Void> stop() {
    stopped = true;
    leads = false;
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
    return repository.release();
  }

  private void periodic() {
    if (busy || stopped) {
      return;
    }
    if (repository.held()) {
      busy = true;
      repository
          .check()
          .onComplete(
              checked -> {
                busy = false;
                if (checked.failed()) {
                  LOG.warn("Runner lease check failed: {}", checked.cause().getMessage());
                }
              });
    } else {
      attempt();
    }
  }

  private Future<Void> attempt() {
    busy = true;
    return repository
        .tryTake(this::connectionLost)
        .compose(
            took -> {
              if (!took) {
                if (!standingBy) {
                  standingBy = true;
                  LOG.info(
                      "Dialer runner stands by: another node leads (lease {}; retried every {})",
                      RunnerLeaseRepository.KEY,
                      retry);
                }
                return Future.succeededFuture();
              }
              if (stopped) {
                return repository.release();
              }
              standingBy = false;
              LOG.info("Dialer runner leads on this node (lease {})", RunnerLeaseRepository.KEY);
              return taken.get().<Void>mapEmpty().onComplete(done -> lead());
            })
        .recover(
            failure -> {
              LOG.warn(
                  "Dialer runner lease not taken, PostgreSQL failed; retried in {}: {}",
                  retry,
                  failure.getMessage());
              return Future.succeededFuture();
            })
        .onComplete(done -> busy = false);
  }

  private void lead() {
    if (repository.held() && !stopped) {
      leads = true;
    } else if (!stopped) {
      // Lost while it reclaimed: undo what taking it set up (a stop leaves things as they are).
      lost.run();
    }
  }

  private void connectionLost() {
    leads = false;
    if (stopped) {
      return;
    }
    LOG.warn(
        "Dialer runner lost its lease (its connection failed or its lock is gone): it starts no new dial, follows"
            + " the calls under way and tries to lead again every {}",
        retry);
    lost.run();
  }
}
