package io.switchboard.ami.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.calllog.CallLogVerticle;
import io.switchboard.ami.calllog.CallRecordJson;
import io.switchboard.ami.calllog.EventBusTrackerSink;
import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.PbxEvent;
import io.switchboard.core.config.CallLogSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of a real capture: decoder, tracker on its own context, the event-bus sink, the
 * call-log verticle, PostgreSQL.
 */
@ExtendWith(VertxExtension.class)
class CaptureToCallLogIT {

  @TempDir Path spoolDir;

  private TestDatabase testDatabase;
  private PostgresDatabase database;

  @BeforeEach
  void deployTheWriter(Vertx vertx, VertxTestContext ctx) {
    testDatabase = TestDatabase.create();
    database = PostgresDatabase.open(vertx, testDatabase.settings());
    CallLogSettings settings = new CallLogSettings(spoolDir, 1024 * 1024, Duration.ofSeconds(1));
    vertx
        .deployVerticle(new CallLogVerticle(database, settings, new SimpleMeterRegistry()))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    database.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void dropDatabase() {
    testDatabase.close();
  }

  @Test
  void theBasicCallCaptureBecomesOneCallLogRowWithTwoLegs(Vertx vertx, VertxTestContext ctx) {
    List<CallRecord> finished = new ArrayList<>();
    Promise<String> written = Promise.promise();
    Promise<JsonObject> ended = Promise.promise();
    vertx
        .eventBus()
        .<JsonObject>consumer(CallAddresses.CALL_ENDED, m -> ended.tryComplete(m.body()));

    vertx
        .getOrCreateContext()
        .runOnContext(
            run -> {
              EventBusTrackerSink bus = new EventBusTrackerSink(vertx.eventBus());
              CallTrackerSink sink =
                  new CallTrackerSink() {
                    @Override
                    public void publish(PbxEvent event) {
                      bus.publish(event);
                    }

                    @Override
                    public void callFinished(CallRecord record) {
                      finished.add(record);
                      bus.write(record).onComplete(written);
                    }
                  };
              ManualClock clock = new ManualClock(Instant.parse("2020-08-31T15:28:01Z"));
              CallTracker tracker =
                  new CallTracker(CaptureReplay.SERVER, clock, sink, new SimpleMeterRegistry());
              CaptureReplay.load("basic-call-answered-ast13-sip.ami").replay(tracker, clock);
            });

    Future.all(ended.future(), written.future())
        // Sent again, as after a crash before the reply: the writer answers it is a duplicate.
        .compose(
            first ->
                vertx
                    .eventBus()
                    .<String>request(
                        CallLogVerticle.ADDRESS, CallRecordJson.toJson(finished.get(0)))
                    .map(
                        again ->
                            List.<Object>of(
                                ended.future().result(), written.future().result(), again.body())))
        .compose(
            result -> row().map(row -> List.of(result.get(0), result.get(1), result.get(2), row)))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          CallEnded event = CallEnded.fromJson((JsonObject) result.get(0));
                          assertThat(event.linkedId()).isEqualTo("1598887681.60");
                          assertThat(result.get(1)).isEqualTo("written");
                          assertThat(result.get(2)).isEqualTo("duplicate");
                          Row row = (Row) result.get(3);
                          assertThat(row.getString("direction")).isEqualTo("internal");
                          assertThat(row.getString("outcome")).isEqualTo("answered");
                          assertThat(row.getString("caller_number")).isEqualTo("9170");
                          assertThat(row.getString("caller_name")).isEqualTo("Bud Heller");
                          assertThat(row.getString("dialled_number")).isEqualTo("9898");
                          assertThat(row.getString("hangup_by")).isEqualTo("caller");
                          assertThat(row.getInteger("hangup_cause")).isEqualTo(16);
                          assertThat(row.getLong("legs")).isEqualTo(2);
                          assertThat(row.getLong("rows")).isEqualTo(1);
                          ctx.completeNow();
                        })));
  }

  private Future<Row> row() {
    return database
        .pool()
        .preparedQuery(
            "SELECT direction, outcome, caller_number, caller_name, dialled_number, hangup_by,"
                + " hangup_cause, (SELECT count(*) FROM call_log_legs l WHERE l.call_log_id ="
                + " c.id) AS legs, (SELECT count(*) FROM call_logs) AS rows FROM call_logs c"
                + " WHERE server_id = $1 AND linked_id = $2")
        .execute(Tuple.of("pbx1", "1598887681.60"))
        .map(rows -> rows.iterator().next());
  }
}
