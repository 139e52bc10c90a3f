package io.switchboard.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseMigrationsIT {

  private static final String CALL_LOG =
      "INSERT INTO call_logs (server_id, linked_id, direction, started_at, ended_at, outcome)"
          + " VALUES (?, ?, 'inbound', now() - interval '1 minute', now(), 'answered')";

  private TestDatabase database;

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aFreshDatabaseGetsEveryMigrationOnceAndThenNothing() throws SQLException {
    database = TestDatabase.createEmpty();

    int applied = DatabaseMigrations.migrate(database.address());

    assertThat(DatabaseMigrations.migrate(database.address())).isZero();
    List<String> history =
        strings(
            "SELECT version || ' ' || description || ' ' || success"
                + " FROM flyway_schema_history ORDER BY installed_rank");
    assertThat(history).hasSize(applied).startsWith("1 foundation true");
    assertThat(history).allSatisfy(migration -> assertThat(migration).endsWith(" true"));
  }

  @Test
  void theFoundationTablesExist() throws SQLException {
    database = TestDatabase.create();

    assertThat(
            strings(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
        .contains(
            "users",
            "roles",
            "user_roles",
            "customers",
            "contacts",
            "phone_numbers",
            "call_logs",
            "call_log_legs",
            "agent_state_history",
            "callbacks");
    assertThat(strings("SELECT name FROM roles ORDER BY name"))
        .containsExactly("admin", "agent", "supervisor");
  }

  @Test
  void aCallIsLoggedOncePerServerAndLinkedId() throws SQLException {
    database = TestDatabase.create();
    try (Connection connection = database.connect()) {
      insertCallLog(connection, "pbx1", "1700000000.42");

      assertThatThrownBy(() -> insertCallLog(connection, "pbx1", "1700000000.42"))
          .isInstanceOfSatisfying(
              SQLException.class,
              duplicate -> {
                assertThat(duplicate.getSQLState()).isEqualTo("23505");
                assertThat(duplicate.getMessage()).contains("call_logs_server_linked_key");
              });
      insertCallLog(connection, "pbx2", "1700000000.42");
    }
    assertThat(strings("SELECT server_id FROM call_logs ORDER BY server_id"))
        .containsExactly("pbx1", "pbx2");
  }

  @Test
  void aPhoneNumberNotInE164IsRejected() throws SQLException {
    database = TestDatabase.create();
    try (Connection connection = database.connect()) {
      long customer =
          insertReturningId(
              connection,
              "INSERT INTO customers (kind, name) VALUES ('organization', 'Acme') RETURNING id");
      String phone =
          "INSERT INTO phone_numbers (customer_id, e164, as_entered) VALUES ("
              + customer
              + ", ?, ?)";

      for (String notE164 : List.of("0612345678", "+0612345678", "+31 6 1234 5678", "+1")) {
        assertThatThrownBy(() -> execute(connection, phone, notE164, notE164))
            .as(notE164)
            .isInstanceOfSatisfying(
                SQLException.class,
                rejected -> assertThat(rejected.getSQLState()).isEqualTo("23514"));
      }
      execute(connection, phone, "+31612345678", "06 1234 5678");
    }
  }

  @Test
  void aCallbackWithNeitherUserNorQueueIsRejected() throws SQLException {
    database = TestDatabase.create();
    String callback =
        "INSERT INTO callbacks (phone_e164, due_at, assigned_user_id, assigned_queue)"
            + " VALUES ('+31612345678', now(), NULL, ?)";
    try (Connection connection = database.connect()) {
      assertThatThrownBy(() -> execute(connection, callback, (String) null))
          .isInstanceOfSatisfying(
              SQLException.class,
              rejected -> assertThat(rejected.getSQLState()).isEqualTo("23514"));
      execute(connection, callback, "sales");
    }
  }

  @Test
  void anAgentCannotHaveTwoOpenStates() throws SQLException {
    database = TestDatabase.create();
    try (Connection connection = database.connect()) {
      long agent =
          insertReturningId(
              connection,
              "INSERT INTO users (username, display_name) VALUES ('ann', 'Ann') RETURNING id");
      String state =
          "INSERT INTO agent_state_history (user_id, state, started_at, ended_at)"
              + " VALUES ("
              + agent
              + ", ?, now(), ";
      execute(connection, state + "now())", "paused");
      execute(connection, state + "NULL)", "ready");

      assertThatThrownBy(() -> execute(connection, state + "NULL)", "on_call"))
          .isInstanceOfSatisfying(
              SQLException.class,
              rejected -> {
                assertThat(rejected.getSQLState()).isEqualTo("23505");
                assertThat(rejected.getMessage()).contains("agent_state_history_open_key");
              });
    }
  }

  private static void insertCallLog(Connection connection, String server, String linkedId)
      throws SQLException {
    execute(connection, CALL_LOG, server, linkedId);
  }

  private static void execute(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int index = 0; index < parameters.length; index++) {
        statement.setString(index + 1, parameters[index]);
      }
      statement.executeUpdate();
    }
  }

  private static long insertReturningId(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private List<String> strings(String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
