package io.switchboard.ami.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.calllog.SampleCalls;
import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CallLogRepositoryIT {

  private TestDatabase testDatabase;
  private PostgresDatabase database;
  private CallLogRepository repository;

  @BeforeEach
  void openDatabase(Vertx vertx) {
    testDatabase = TestDatabase.create();
    database = PostgresDatabase.open(vertx, testDatabase.settings());
    repository = new CallLogRepository(database.pool());
  }

  @AfterEach
  void closeDatabase(VertxTestContext ctx) {
    database.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void dropDatabase() {
    testDatabase.close();
  }

  @Test
  void aCallIsWrittenOnceWithItsLegsOffersAndTransfers(VertxTestContext ctx) {
    CallRecord call = SampleCalls.answered("pbx1", "1700000000.1");

    repository
        .insert(call)
        .compose(inserted -> counts().map(counts -> List.of(inserted, counts)))
        .compose(
            result ->
                database
                    .pool()
                    .preparedQuery(
                        "SELECT direction, outcome, queue, agent_member_name, wait_ms, talk_ms,"
                            + " hold_ms, hangup_by, recorded, call_id, queue_left_at, reconciled"
                            + " FROM call_logs WHERE server_id = $1 AND linked_id = $2")
                    .execute(Tuple.of("pbx1", "1700000000.1"))
                    .map(rows -> List.of(result.get(0), result.get(1), rows.iterator().next())))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          assertThat(result.get(0)).isEqualTo(true);
                          assertThat(result.get(1)).isEqualTo(List.of(1L, 2L, 2L, 1L));
                          Row row = (Row) result.get(2);
                          assertThat(row.getString("direction")).isEqualTo("inbound");
                          assertThat(row.getString("outcome")).isEqualTo("answered");
                          assertThat(row.getString("queue")).isEqualTo("sales");
                          assertThat(row.getString("agent_member_name")).isEqualTo("Bob");
                          assertThat(row.getLong("wait_ms")).isEqualTo(18_000L);
                          assertThat(row.getLong("talk_ms")).isEqualTo(170_000L);
                          assertThat(row.getLong("hold_ms")).isEqualTo(10_000L);
                          assertThat(row.getString("hangup_by")).isEqualTo("caller");
                          assertThat(row.getBoolean("recorded")).isTrue();
                          assertThat(row.getString("call_id")).isEqualTo("pbx1:1700000000.1");
                          assertThat(row.getOffsetDateTime("queue_left_at").toInstant())
                              .isEqualTo(call.queueLeftAt());
                          assertThat(row.getBoolean("reconciled")).isFalse();
                          ctx.completeNow();
                        })));
  }

  @Test
  void writingTheSameCallAgainChangesNothing(VertxTestContext ctx) {
    CallRecord call = SampleCalls.answered("pbx1", "1700000000.2");

    repository
        .insert(call)
        .compose(first -> repository.insert(call).map(second -> List.of(first, second)))
        .compose(results -> counts().map(counts -> List.of(results, counts)))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          assertThat(result.get(0)).isEqualTo(List.of(true, false));
                          assertThat(result.get(1)).isEqualTo(List.of(1L, 2L, 2L, 1L));
                          ctx.completeNow();
                        })));
  }

  @Test
  void theSameLinkedidOnAnotherServerIsAnotherCall(VertxTestContext ctx) {
    repository
        .insert(SampleCalls.busyOriginate("pbx1", "swb-o-1"))
        .compose(first -> repository.insert(SampleCalls.busyOriginate("pbx2", "swb-o-1")))
        .compose(second -> counts().map(counts -> List.of(second, counts)))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          assertThat(result.get(0)).isEqualTo(true);
                          assertThat(result.get(1)).isEqualTo(List.of(2L, 2L, 0L, 0L));
                          ctx.completeNow();
                        })));
  }

  @Test
  void dataPostgresRefusesIsAValidationFailureAndWritesNothing(VertxTestContext ctx) {
    CallRecord tooLong = SampleCalls.answered("pbx1", "x".repeat(65));

    repository
        .insert(tooLong)
        .onComplete(
            ctx.failing(
                failure ->
                    ctx.verify(
                        () -> {
                          assertThat(failure).isInstanceOf(SwitchboardException.class);
                          assertThat(((SwitchboardException) failure).code())
                              .isEqualTo(ErrorCode.VALIDATION_FAILED);
                          assertThat(failure.getMessage()).contains("SQLSTATE 23514");
                          counts()
                              .onComplete(
                                  ctx.succeeding(
                                      counts ->
                                          ctx.verify(
                                              () -> {
                                                assertThat(counts)
                                                    .isEqualTo(List.of(0L, 0L, 0L, 0L));
                                                ctx.completeNow();
                                              })));
                        })));
  }

  @Test
  void aWrapUpWaitingForTheCallIsAppliedWhenTheCallIsLogged(VertxTestContext ctx) {
    CallRecord call = SampleCalls.answered("pbx1", "1700000000.7");
    CallRecord other = SampleCalls.answered("pbx1", "1700000000.8");

    agentAndCustomer()
        .compose(ids -> consoleWrapUp(call, ids.get(0), ids.get(1)).map(ids))
        .compose(ids -> repository.insert(call).map(ids))
        .compose(ids -> repository.insert(other).map(ids))
        .compose(
            ids ->
                database
                    .pool()
                    .query(
                        "SELECT c.linked_id, c.agent_user_id, c.customer_id, c.disposition,"
                            + " c.notes, d.call_log_id = c.id AS linked"
                            + " FROM call_logs c LEFT JOIN call_dispositions d"
                            + " ON d.call_log_id = c.id ORDER BY c.linked_id")
                    .execute()
                    .map(rows -> List.of(ids, rows)))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          List<?> ids = (List<?>) result.get(0);
                          @SuppressWarnings("unchecked")
                          Iterable<Row> rows = (Iterable<Row>) result.get(1);
                          List<String> logs = new java.util.ArrayList<>();
                          rows.forEach(
                              row ->
                                  logs.add(
                                      row.getString("linked_id")
                                          + " "
                                          + row.getLong("agent_user_id")
                                          + " "
                                          + row.getLong("customer_id")
                                          + " "
                                          + row.getString("disposition")
                                          + " "
                                          + row.getString("notes")
                                          + " "
                                          + row.getBoolean("linked")));
                          assertThat(logs)
                              .containsExactly(
                                  "1700000000.7 "
                                      + ids.get(0)
                                      + " "
                                      + ids.get(1)
                                      + " sale card paid true",
                                  "1700000000.8 null null null  null");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aWrapUpCommittingWhileTheCallIsLoggedIsNotMissed(VertxTestContext ctx) {
    CallRecord call = SampleCalls.answered("pbx1", "1700000000.9");
    Promise<Boolean> logged = Promise.promise();

    // The console's transaction finds no call log, then stays open while the writer runs: the
    // writer must wait for it (the wrap-up lock), or neither would see the other's row.
    agentAndCustomer()
        .compose(
            ids ->
                database
                    .pool()
                    .withTransaction(
                        connection ->
                            wrapUpIn(connection, call, ids.get(0), ids.get(1))
                                .compose(
                                    applied -> {
                                      repository.insert(call).onComplete(logged);
                                      return connection
                                          .query("SELECT pg_sleep(0.3)")
                                          .execute()
                                          .map(slept -> applied);
                                    })))
        .compose(appliedByTheConsole -> logged.future().map(appliedByTheConsole))
        .compose(
            appliedByTheConsole ->
                database
                    .pool()
                    .query("SELECT disposition, notes FROM call_logs")
                    .execute()
                    .map(rows -> List.of(appliedByTheConsole, rows.iterator().next())))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          assertThat(result.get(0)).isEqualTo(false);
                          Row row = (Row) result.get(1);
                          assertThat(row.getString("disposition")).isEqualTo("sale");
                          assertThat(row.getString("notes")).isEqualTo("card paid");
                          ctx.completeNow();
                        })));
  }

  /** A user and a customer: their ids. */
  private Future<List<Long>> agentAndCustomer() {
    return database
        .pool()
        .query(
            "WITH u AS (INSERT INTO users (username, display_name) VALUES ('alice', 'Alice')"
                + " RETURNING id), c AS (INSERT INTO customers (kind, name)"
                + " VALUES ('individual', 'Acme') RETURNING id)"
                + " SELECT u.id AS user_id, c.id AS customer_id FROM u, c")
        .execute()
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return List.of(row.getLong("user_id"), row.getLong("customer_id"));
            });
  }

  /** What the console's call.wrapup stores (agent-ws CallWrapUpRepository), in one transaction. */
  private Future<Void> consoleWrapUp(CallRecord call, long agent, long customer) {
    return database
        .pool()
        .withTransaction(connection -> wrapUpIn(connection, call, agent, customer))
        .mapEmpty();
  }

  /** The console's wrap-up statements; whether the call log existed to take it. */
  private static Future<Boolean> wrapUpIn(
      SqlConnection connection, CallRecord call, long agent, long customer) {
    Tuple key = Tuple.of(call.serverId(), call.linkedId());
    return connection
        .preparedQuery("SELECT lock_call_wrapup($1, $2)")
        .execute(key)
        .compose(
            locked ->
                connection
                    .preparedQuery(
                        "WITH d AS (INSERT INTO call_dispositions (customer_id, code, note,"
                            + " user_id) VALUES ($4, 'sale', 'card paid', $3) RETURNING id)"
                            + " INSERT INTO call_wrapups (server_id, linked_id, agent_user_id,"
                            + " customer_id, disposition, notes, call_disposition_id,"
                            + " wrapped_up_by, wrapped_up_at)"
                            + " SELECT $1, $2, $3, $4, 'sale', 'card paid', d.id, $3, now()"
                            + " FROM d")
                    .execute(Tuple.of(call.serverId(), call.linkedId(), agent, customer)))
        .compose(
            inserted ->
                connection
                    .preparedQuery("SELECT apply_call_wrapup($1, $2) AS applied")
                    .execute(key))
        .map(rows -> rows.iterator().next().getBoolean("applied"));
  }

  /** Rows in call_logs, call_log_legs, call_log_offers, call_log_transfers. */
  private Future<List<Long>> counts() {
    return database
        .pool()
        .query(
            "SELECT (SELECT count(*) FROM call_logs), (SELECT count(*) FROM call_log_legs),"
                + " (SELECT count(*) FROM call_log_offers),"
                + " (SELECT count(*) FROM call_log_transfers)")
        .execute()
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return List.of(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3));
            });
  }
}
