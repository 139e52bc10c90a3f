package io.switchboard.agentws.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AgentStateHistoryRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private TestDatabase testDatabase;
  private PostgresDatabase database;
  private AgentStateHistoryRepository repository;

  @BeforeEach
  void openDatabase(Vertx vertx) {
    testDatabase = TestDatabase.create();
    database = PostgresDatabase.open(vertx, testDatabase.settings());
    repository = new AgentStateHistoryRepository(database.pool());
  }

  @AfterEach
  void closeDatabase(VertxTestContext ctx) {
    database.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void dropDatabase() {
    testDatabase.close();
  }

  private static AgentState state(long userId, AgentStatus status, String reason, long second) {
    return new AgentState(
        userId,
        status,
        reason,
        "PJSIP/1001",
        List.of("sales", "support"),
        T0.plusSeconds(second),
        null,
        null,
        null);
  }

  @Test
  void aBatchWritesSeveralAgentsChangesInTheirOrderInOneTransaction(VertxTestContext ctx) {
    TestUsers.create(database.pool(), "alice")
        .compose(
            alice ->
                TestUsers.create(database.pool(), "bob")
                    .compose(
                        bob ->
                            repository
                                .recordAll(
                                    List.of(
                                        state(alice, AgentStatus.READY, null, 0),
                                        state(bob, AgentStatus.READY, null, 1),
                                        state(alice, AgentStatus.RINGING, null, 5),
                                        state(alice, AgentStatus.ON_CALL, null, 9)))
                                .compose(done -> repository.history(alice))
                                .compose(
                                    aliceRows ->
                                        repository
                                            .history(bob)
                                            .map(bobRows -> List.of(aliceRows, bobRows)))))
        .onComplete(
            ctx.succeeding(
                both ->
                    ctx.verify(
                        () -> {
                          List<AgentStateHistoryRow> alice = both.get(0);
                          assertThat(alice)
                              .extracting(AgentStateHistoryRow::state)
                              .containsExactly("ready", "ringing", "on_call");
                          assertThat(alice.get(0).endedAt()).isEqualTo(T0.plusSeconds(5));
                          assertThat(alice.get(1).endedAt()).isEqualTo(T0.plusSeconds(9));
                          assertThat(alice.get(2).endedAt()).isNull();
                          assertThat(both.get(1)).hasSize(1);
                          ctx.completeNow();
                        })));
  }

  @Test
  void eachChangeClosesTheOpenRowAtItsStartAndOpensTheNext(VertxTestContext ctx) {
    TestUsers.create(database.pool(), "alice")
        .compose(
            alice ->
                repository
                    .record(state(alice, AgentStatus.READY, null, 0))
                    .compose(
                        done -> repository.record(state(alice, AgentStatus.PAUSED, "lunch", 60)))
                    .compose(done -> repository.record(state(alice, AgentStatus.READY, null, 1860)))
                    .compose(done -> repository.history(alice)))
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows).hasSize(3);
                          assertThat(rows.get(0).state()).isEqualTo("ready");
                          assertThat(rows.get(0).queues()).containsExactly("sales", "support");
                          assertThat(rows.get(0).startedAt()).isEqualTo(T0);
                          assertThat(rows.get(0).endedAt()).isEqualTo(T0.plusSeconds(60));
                          assertThat(rows.get(1).state()).isEqualTo("paused");
                          assertThat(rows.get(1).reason()).isEqualTo("lunch");
                          assertThat(rows.get(1).endedAt()).isEqualTo(T0.plusSeconds(1860));
                          assertThat(rows.get(2).startedAt()).isEqualTo(T0.plusSeconds(1860));
                          assertThat(rows.get(2).endedAt()).isNull();
                          ctx.completeNow();
                        })));
  }

  @Test
  void aChangeDatedBeforeTheOpenRowStillClosesItWithoutAnInvertedInterval(VertxTestContext ctx) {
    TestUsers.create(database.pool(), "bob")
        .compose(
            bob ->
                repository
                    .record(state(bob, AgentStatus.READY, null, 100))
                    .compose(
                        done -> repository.record(state(bob, AgentStatus.LOGGED_OUT, null, 90)))
                    .compose(done -> repository.history(bob)))
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows).hasSize(2);
                          AgentStateHistoryRow ready =
                              rows.stream()
                                  .filter(r -> r.state().equals("ready"))
                                  .findFirst()
                                  .orElseThrow();
                          assertThat(ready.endedAt()).isEqualTo(T0.plusSeconds(100));
                          assertThat(rows.stream().filter(r -> r.endedAt() == null)).hasSize(1);
                          ctx.completeNow();
                        })));
  }

  @Test
  void agentsKeepTheirOwnOpenRows(VertxTestContext ctx) {
    Future<Long> alice = TestUsers.create(database.pool(), "alice");
    Future<Long> bob = alice.compose(ignored -> TestUsers.create(database.pool(), "bob"));
    bob.compose(
            b ->
                repository
                    .record(state(alice.result(), AgentStatus.READY, null, 0))
                    .compose(done -> repository.record(state(b, AgentStatus.READY, null, 5)))
                    .compose(done -> repository.history(alice.result())))
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .singleElement()
                              .satisfies(row -> assertThat(row.endedAt()).isNull());
                          ctx.completeNow();
                        })));
  }
}
