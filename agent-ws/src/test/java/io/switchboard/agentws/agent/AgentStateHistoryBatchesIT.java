package io.switchboard.agentws.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.persistence.AgentStateHistoryRepository;
import io.switchboard.agentws.persistence.AgentStateHistoryRow;
import io.switchboard.agentws.persistence.TestUsers;
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

/** The history's batches against real PostgreSQL: one bad row does not take the others with it. */
@ExtendWith(VertxExtension.class)
class AgentStateHistoryBatchesIT {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  /** No such user: PostgreSQL refuses its row (foreign key), as it would any row it cannot take. */
  private static final long NOBODY = 987_654_321L;

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

  private static AgentState state(long userId, AgentStatus status, long second) {
    return new AgentState(
        userId,
        status,
        null,
        "PJSIP/1001",
        List.of("sales"),
        T0.plusSeconds(second),
        null,
        null,
        null);
  }

  @Test
  void aRowPostgresRefusesLosesOnlyItselfNotTheOtherAgentsRowsOfItsBatch(VertxTestContext ctx) {
    AgentStateHistoryBatches batches = new AgentStateHistoryBatches(repository);
    TestUsers.create(database.pool(), "alice")
        .compose(
            alice -> {
              Future<Void> first = batches.record(state(alice, AgentStatus.READY, 0));
              Future<Void> bad = batches.record(state(NOBODY, AgentStatus.READY, 1));
              Future<Void> last = batches.record(state(alice, AgentStatus.PAUSED, 2));
              batches.flush();
              return Future.all(first, bad, last).compose(done -> repository.history(alice));
            })
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .extracting(AgentStateHistoryRow::state)
                              .containsExactly("ready", "paused");
                          assertThat(rows.get(0).endedAt()).isEqualTo(T0.plusSeconds(2));
                          ctx.completeNow();
                        })));
  }
}
