package io.switchboard.ami.calllog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.persistence.CallLogRepository;
import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each finished call to PostgreSQL exactly once. While PostgreSQL is unavailable, calls wait
 * in the durable {@link CallLogSpool} and are written in order when it returns; a record leaves the
 * spool only after its insert committed, and the insert is idempotent, so none is lost and none
 * doubled. A full spool refuses new calls loudly: an error log holding the whole record, and the
 * {@code switchboard.calllog.refused} counter. Data PostgreSQL refuses for good (a constraint) is
 * kept in the spool's {@code rejected.jsonl} so that it cannot block the calls behind it.
 *
 * <p>Threading: owned by one context (the {@link CallLogVerticle}'s); all its methods must be
 * called there.
 */
public final class CallLogWriter {

  private static final Logger LOG = LoggerFactory.getLogger(CallLogWriter.class);

  private final Vertx vertx;
  private final CallLogRepository repository;
  private final CallLogSpool spool;
  private final Duration retryInterval;
  private final Counter inserted;
  private final Counter duplicates;
  private final Counter spooled;
  private final Counter refused;
  private final Counter rejected;
  private boolean draining;
  private long retryTimer = -1;

  /** How long a stop waits for writes already under way. */
  static final long STOP_WAIT_MS = 3000;

  private int inFlight;
  private Promise<Void> stopWaiter;
  private boolean stopped;
  private Promise<Void> drained;

  public CallLogWriter(
      Vertx vertx,
      CallLogRepository repository,
      CallLogSpool spool,
      Duration retryInterval,
      MeterRegistry meters) {
    this.vertx = vertx;
    this.repository = repository;
    this.spool = spool;
    this.retryInterval = retryInterval;
    this.inserted = written(meters, "inserted");
    this.duplicates = written(meters, "duplicate");
    this.spooled =
        Counter.builder("switchboard.calllog.spooled")
            .description("Call logs put in the spool because PostgreSQL could not take them")
            .register(meters);
    this.refused =
        Counter.builder("switchboard.calllog.refused")
            .description("Call logs refused because the spool was full (logged in full)")
            .register(meters);
    this.rejected =
        Counter.builder("switchboard.calllog.rejected")
            .description("Call logs PostgreSQL refused for good, kept in rejected.jsonl")
            .register(meters);
    Gauge.builder("switchboard.calllog.spool.records", spool, CallLogSpool::size)
        .description("Call logs waiting in the spool")
        .register(meters);
    Gauge.builder("switchboard.calllog.spool.bytes", spool, CallLogSpool::bytes)
        .description("Bytes of call logs waiting in the spool")
        .baseUnit("bytes")
        .register(meters);
  }

  private static Counter written(MeterRegistry meters, String result) {
    return Counter.builder("switchboard.calllog.written")
        .description("Call logs written to PostgreSQL (duplicate: already there)")
        .tag("result", result)
        .register(meters);
  }

  /** Reads back the spool of an earlier run and starts writing it. */
  public Future<Void> start() {
    return spool
        .open()
        .map(
            waiting -> {
              drain();
              return null;
            });
  }

  /** Writes one finished call, or spools it while PostgreSQL is away. */
  public Future<WriteOutcome> write(CallRecord record) {
    if (stopped) {
      return Future.failedFuture(
          new SwitchboardException(ErrorCode.UNAVAILABLE, "the call-log writer is stopped"));
    }
    inFlight++;
    return writeOrSpool(record)
        .onComplete(
            done -> {
              inFlight--;
              settle();
            });
  }

  private Future<WriteOutcome> writeOrSpool(CallRecord record) {
    if (draining || !spool.isEmpty()) {
      // Calls already waiting go first: the spool is written in order.
      return toSpool(record);
    }
    return repository
        .insert(record)
        .transform(
            written -> {
              if (written.succeeded()) {
                count(written.result());
                return Future.succeededFuture(
                    written.result() ? WriteOutcome.WRITTEN : WriteOutcome.DUPLICATE);
              }
              if (refusedForGood(written.cause())) {
                return reject(record, written.cause());
              }
              LOG.warn(
                  "PostgreSQL could not take the call log of {}/{}, spooling it: {}",
                  record.serverId(),
                  record.linkedId(),
                  written.cause().getMessage());
              return toSpool(record);
            });
  }

  private Future<WriteOutcome> toSpool(CallRecord record) {
    return spool
        .append(record)
        .transform(
            appended -> {
              if (appended.failed()) {
                refused.increment();
                LOG.error(
                    "CALL LOG LOST unless recovered from this line: {}; record: {}",
                    appended.cause().getMessage(),
                    CallRecordJson.toJson(record).encode());
                return Future.failedFuture(appended.cause());
              }
              spooled.increment();
              drain();
              return Future.succeededFuture(WriteOutcome.SPOOLED);
            });
  }

  /** Writes the spool, oldest first, until it is empty or PostgreSQL fails. */
  private void drain() {
    if (draining || stopped) {
      return;
    }
    CallRecord head = spool.head();
    if (head == null) {
      finishedDraining();
      return;
    }
    draining = true;
    repository
        .insert(head)
        .onComplete(
            written -> {
              if (written.succeeded()) {
                count(written.result());
                next(spool.acknowledgeHead());
              } else if (refusedForGood(written.cause())) {
                next(reject(head, written.cause()).compose(done -> spool.acknowledgeHead()));
              } else {
                draining = false;
                settle();
                LOG.warn(
                    "PostgreSQL unavailable; {} call logs ({} bytes) wait in the spool {}, next"
                        + " attempt in {} ms: {}",
                    spool.size(),
                    spool.bytes(),
                    spool.directory(),
                    retryInterval.toMillis(),
                    written.cause().getMessage());
                scheduleRetry();
              }
            });
  }

  private void next(Future<?> acknowledged) {
    acknowledged.onComplete(
        done -> {
          draining = false;
          if (stopped) {
            settle();
            return;
          }
          if (done.failed()) {
            LOG.error("Could not acknowledge in the call-log spool; retrying", done.cause());
            scheduleRetry();
          } else {
            drain();
          }
        });
  }

  private void finishedDraining() {
    if (drained != null) {
      Promise<Void> waiting = drained;
      drained = null;
      waiting.tryComplete();
    }
  }

  private void scheduleRetry() {
    if (retryTimer < 0 && !stopped) {
      retryTimer =
          vertx.setTimer(
              retryInterval.toMillis(),
              fired -> {
                retryTimer = -1;
                drain();
              });
    }
  }

  private Future<WriteOutcome> reject(CallRecord record, Throwable cause) {
    rejected.increment();
    LOG.error(
        "PostgreSQL refuses the call log of {}/{} for good ({}); kept in {}/rejected.jsonl",
        record.serverId(),
        record.linkedId(),
        cause.getMessage(),
        spool.directory());
    return spool.reject(record).map(WriteOutcome.REJECTED);
  }

  private void count(boolean insertedNow) {
    (insertedNow ? inserted : duplicates).increment();
  }

  private static boolean refusedForGood(Throwable cause) {
    return cause instanceof SwitchboardException failure
        && failure.code() == ErrorCode.VALIDATION_FAILED;
  }

  /** Records waiting in the spool. */
  public int spooled() {
    return spool.size();
  }

  /** Completes once the spool is empty (at once when it is). For tests and shutdown reports. */
  public Future<Void> whenDrained() {
    if (spool.isEmpty() && !draining) {
      return Future.succeededFuture();
    }
    if (drained == null) {
      drained = Promise.promise();
    }
    return drained.future();
  }

  /**
   * Stops writing: the spool keeps what is left for the next start. Records handed over later are
   * refused.
   */
  public Future<Void> stop() {
    stopped = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    Future<Void> idle;
    if (inFlight == 0 && !draining) {
      idle = Future.succeededFuture();
    } else {
      // Writes already under way finish (into PostgreSQL or the spool) before the pool closes.
      stopWaiter = Promise.promise();
      long timer =
          vertx.setTimer(
              STOP_WAIT_MS,
              late -> {
                if (stopWaiter.tryComplete()) {
                  LOG.warn(
                      "Call-log writer stopped with {} writes still under way after {} ms",
                      inFlight,
                      STOP_WAIT_MS);
                }
              });
      idle = stopWaiter.future().onComplete(done -> vertx.cancelTimer(timer));
    }
    return idle.onComplete(
        done -> {
          if (!spool.isEmpty()) {
            LOG.info(
                "Call-log writer stopped with {} call logs in the spool {}; they are written at"
                    + " the next start",
                spool.size(),
                spool.directory());
          }
        });
  }

  /** Completes a waiting stop once nothing is being written any more. */
  private void settle() {
    if (stopped && stopWaiter != null && inFlight == 0 && !draining) {
      stopWaiter.tryComplete();
    }
  }
}
