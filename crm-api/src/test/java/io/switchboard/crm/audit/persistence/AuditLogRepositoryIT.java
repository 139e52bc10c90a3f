package io.switchboard.crm.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.crm.audit.AuditEvent;
import io.switchboard.crm.audit.AuditPage;
import io.switchboard.crm.audit.AuditQuery;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AuditLogRepositoryIT {

  private TestDatabase testDatabase;
  private PostgresDatabase database;
  private AuditLogRepository audit;

  @BeforeEach
  void open(Vertx vertx) throws Exception {
    testDatabase = TestDatabase.create();
    database = PostgresDatabase.open(vertx, testDatabase.settings());
    audit = new AuditLogRepository(database.pool());
  }

  @AfterEach
  void close() throws Exception {
    try {
      database.close().await(10, TimeUnit.SECONDS);
    } finally {
      testDatabase.close();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }

  private static AuditQuery entity(long id) {
    return new AuditQuery(
        OptionalLong.empty(),
        Optional.empty(),
        OptionalLong.of(id),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        AuditQuery.DEFAULT_LIMIT);
  }

  @Test
  void anEventReadsBackAsWritten() {
    JsonObject after = new JsonObject().put("name", "Wang Li");
    await(
        audit.record(new AuditEvent(null, "create", "customer", 5L, null, after, "import row 3")));

    AuditPage page = await(audit.find(entity(5)));

    assertThat(page.entries()).hasSize(1);
    AuditEvent event = page.entries().get(0).event();
    assertThat(event)
        .isEqualTo(new AuditEvent(null, "create", "customer", 5L, null, after, "import row 3"));
    assertThat(page.nextBeforeId()).isEmpty();
  }

  @Test
  void anEntryWrittenInATransactionThatFailsIsRolledBackWithIt() {
    Future<Void> failed =
        database
            .pool()
            .withTransaction(
                connection ->
                    AuditLogRepository.insert(
                            connection,
                            new AuditEvent(null, "update", "customer", 99L, null, null, null))
                        .compose(written -> Future.<Void>failedFuture("the change failed")));

    assertThatThrownBy(() -> failed.await(30, TimeUnit.SECONDS))
        .hasMessageContaining("the change failed");
    assertThat(await(audit.find(entity(99))).entries()).isEmpty();
  }

  @Test
  void aNonObjectValueAnotherWriterStoredIsWrappedNotDropped() throws Exception {
    try (Connection connection = testDatabase.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO audit_log (action, entity, entity_id, before) VALUES"
              + " ('update', 'tag', 3, '[\"vip\"]')");
    }

    AuditEvent event = await(audit.find(entity(3))).entries().get(0).event();

    assertThat(event.before().encode()).isEqualTo("{\"value\":[\"vip\"]}");
  }
}
