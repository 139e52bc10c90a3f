package io.switchboard.ami.calllog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.persistence.CallLogRepository;
import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer against a real PostgreSQL that goes away: a relay in front of it is cut and restored
 * (the test server itself keeps running), and writers are stopped and started on the same spool.
 */
@ExtendWith(VertxExtension.class)
class CallLogWriterIT {

  private static final Duration RETRY = Duration.ofMillis(100);
  private static final long SPOOL_BYTES = 1024 * 1024;

  @TempDir Path spoolDir;

  private TestDatabase testDatabase;
  private PostgresDatabase direct;
  private PostgresProxy proxy;
  private final List<PostgresDatabase> pools = new ArrayList<>();
  private Context context;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    testDatabase = TestDatabase.create();
    direct = PostgresDatabase.open(vertx, testDatabase.settings());
    PostgresAddress real = testDatabase.address();
    proxy = new PostgresProxy(vertx, real.host(), real.port());
    context = vertx.getOrCreateContext();
    proxy.open().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    List<Future<Void>> closed = new ArrayList<>();
    pools.forEach(pool -> closed.add(pool.close()));
    closed.add(direct.close());
    Future.join(closed).onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void dropDatabase() {
    testDatabase.close();
  }

  @Test
  void callLogsWaitOnDiskWhilePostgresIsAwayAndAreWrittenOnceWhenItReturns(
      Vertx vertx, VertxTestContext ctx) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CallLogWriter writer = writer(vertx, throughProxy(vertx), meters);
    List<WriteOutcome> outcomes = new ArrayList<>();

    onContext(writer::start)
        .compose(started -> onContext(() -> writer.write(call("a"))))
        .compose(written -> outcomes.add(written) ? proxy.cut() : null)
        .compose(cut -> onContext(() -> writer.write(call("b"))))
        .compose(spooled -> outcomes.add(spooled) ? onContext(() -> writer.write(call("c"))) : null)
        .compose(spooled -> outcomes.add(spooled) ? spooledLines() : null)
        .compose(
            spooled -> {
              ctx.verify(
                  () -> {
                    assertThat(outcomes)
                        .containsExactly(
                            WriteOutcome.WRITTEN, WriteOutcome.SPOOLED, WriteOutcome.SPOOLED);
                    assertThat(spooled).hasSize(2);
                    assertThat(spooled.get(0)).contains("\"linkedId\":\"b\"");
                    assertThat(spooled.get(1)).contains("\"linkedId\":\"c\"");
                  });
              return linkedIds();
            })
        .compose(
            whileAway -> {
              ctx.verify(() -> assertThat(whileAway).containsExactly("a"));
              return proxy.open();
            })
        .compose(back -> onContext(writer::whenDrained))
        .compose(drained -> linkedIds())
        .compose(ids -> spooledLines().map(left -> List.of(ids, left)))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          assertThat(result.get(0)).containsExactly("a", "b", "c");
                          assertThat(result.get(1)).isEmpty();
                          assertThat(
                                  meters
                                      .get("switchboard.calllog.written")
                                      .tag("result", "inserted")
                                      .counter()
                                      .count())
                              .isEqualTo(3);
                          assertThat(meters.get("switchboard.calllog.spooled").counter().count())
                              .isEqualTo(2);
                          assertThat(
                                  meters.get("switchboard.calllog.spool.records").gauge().value())
                              .isZero();
                          ctx.completeNow();
                        })));
  }

  @Test
  void stoppingWaitsForAWriteUnderWaySoTheCallIsNotLostWhenThePoolCloses(
      Vertx vertx, VertxTestContext ctx) {
    CallLogWriter writer = writer(vertx, direct, new SimpleMeterRegistry());
    List<Future<WriteOutcome>> underWay = new ArrayList<>();

    onContext(writer::start)
        .compose(
            started ->
                onContext(
                    () -> {
                      underWay.add(writer.write(call("last")));
                      return writer.stop();
                    }))
        .compose(
            stopped -> {
              ctx.verify(
                  () ->
                      assertThat(underWay.get(0).isComplete())
                          .as("the write had finished when the stop completed")
                          .isTrue());
              return linkedIds();
            })
        .onComplete(
            ctx.succeeding(
                ids ->
                    ctx.verify(
                        () -> {
                          assertThat(ids).containsExactly("last");
                          ctx.completeNow();
                        })));
  }

  @Test
  void theSpoolOfAStoppedWriterIsWrittenByTheNextOneWithoutDoublingAnyCall(
      Vertx vertx, VertxTestContext ctx) {
    CallLogWriter first = writer(vertx, throughProxy(vertx), new SimpleMeterRegistry());
    SimpleMeterRegistry nextMeters = new SimpleMeterRegistry();
    CallLogWriter next = writer(vertx, direct, nextMeters);

    proxy
        .cut()
        .compose(cut -> onContext(first::start))
        .compose(started -> onContext(() -> first.write(call("b"))))
        .compose(spooled -> onContext(() -> first.write(call("c"))))
        .compose(spooled -> onContext(first::stop))
        // As if the first writer had committed "b" and died before acknowledging it.
        .compose(stopped -> new CallLogRepository(direct.pool()).insert(call("b")))
        .compose(committed -> onContext(next::start))
        .compose(started -> onContext(next::whenDrained))
        .compose(drained -> linkedIds())
        .onComplete(
            ctx.succeeding(
                ids ->
                    ctx.verify(
                        () -> {
                          assertThat(ids).containsExactly("b", "c");
                          assertThat(
                                  nextMeters
                                      .get("switchboard.calllog.written")
                                      .tag("result", "duplicate")
                                      .counter()
                                      .count())
                              .isEqualTo(1);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aFullSpoolRefusesTheNextCallAndKeepsWhatItHolds(Vertx vertx, VertxTestContext ctx) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    long oneRecord = CallRecordJson.toJson(call("b")).encode().length() + 1;
    CallLogSpool spool = new CallLogSpool(vertx, spoolDir, oneRecord + 10);
    CallLogWriter writer =
        new CallLogWriter(
            vertx, new CallLogRepository(throughProxy(vertx).pool()), spool, RETRY, meters);

    proxy
        .cut()
        .compose(cut -> onContext(writer::start))
        .compose(started -> onContext(() -> writer.write(call("b"))))
        .compose(spooled -> onContext(() -> writer.write(call("c"))))
        .onComplete(
            ctx.failing(
                refused ->
                    ctx.verify(
                        () -> {
                          assertThat(refused).isInstanceOf(SpoolFullException.class);
                          assertThat(spool.size()).isEqualTo(1);
                          assertThat(meters.get("switchboard.calllog.refused").counter().count())
                              .isEqualTo(1);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aCallPostgresRefusesForGoodIsSetAsideAndDoesNotHoldUpTheOthers(
      Vertx vertx, VertxTestContext ctx) {
    CallLogWriter writer = writer(vertx, throughProxy(vertx), new SimpleMeterRegistry());
    CallRecord refused = call("x".repeat(65));

    proxy
        .cut()
        .compose(cut -> onContext(writer::start))
        .compose(started -> onContext(() -> writer.write(refused)))
        .compose(spooled -> onContext(() -> writer.write(call("d"))))
        .compose(spooled -> proxy.open())
        .compose(back -> onContext(writer::whenDrained))
        .compose(drained -> linkedIds())
        .compose(
            ids ->
                vertx
                    .fileSystem()
                    .readFile(spoolDir.resolve("rejected.jsonl").toString())
                    .map(rejected -> List.of(ids, rejected.toString())))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          assertThat(result.get(0)).isEqualTo(List.of("d"));
                          assertThat((String) result.get(1)).contains("x".repeat(65));
                          ctx.completeNow();
                        })));
  }

  private CallLogWriter writer(Vertx vertx, PostgresDatabase database, SimpleMeterRegistry meters) {
    return new CallLogWriter(
        vertx,
        new CallLogRepository(database.pool()),
        new CallLogSpool(vertx, spoolDir, SPOOL_BYTES),
        RETRY,
        meters);
  }

  private PostgresDatabase throughProxy(Vertx vertx) {
    PostgresAddress real = testDatabase.address();
    PostgresDatabase pool =
        PostgresDatabase.open(
            vertx,
            testDatabase
                .settings()
                .withAddress(
                    new PostgresAddress(
                        "127.0.0.1", proxy.port(), real.database(), real.user(), real.password())));
    pools.add(pool);
    return pool;
  }

  private static CallRecord call(String linkedId) {
    return SampleCalls.answered("pbx1", linkedId);
  }

  /** Runs on the writer's one context, as its threading contract asks. */
  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(run -> work.get().onComplete(done));
    return done.future();
  }

  private Future<List<String>> linkedIds() {
    return direct
        .pool()
        .query("SELECT linked_id FROM call_logs ORDER BY linked_id")
        .execute()
        .map(
            rows -> {
              List<String> ids = new ArrayList<>();
              for (Row row : rows) {
                ids.add(row.getString(0));
              }
              return ids;
            });
  }

  /** The spooled lines on disk, oldest first. */
  private Future<List<String>> spooledLines() {
    return context
        .owner()
        .fileSystem()
        .readDir(spoolDir.toString(), "segment-.*\\.jsonl")
        .compose(
            files -> {
              List<Future<String>> contents = new ArrayList<>();
              files.stream()
                  .sorted()
                  .forEach(
                      file ->
                          contents.add(
                              context.owner().fileSystem().readFile(file).map(Object::toString)));
              return Future.all(contents);
            })
        .map(
            all -> {
              List<String> lines = new ArrayList<>();
              for (int i = 0; i < all.size(); i++) {
                for (String line : ((String) all.resultAt(i)).split("\n")) {
                  if (!line.isEmpty()) {
                    lines.add(line);
                  }
                }
              }
              return lines;
            });
  }
}
