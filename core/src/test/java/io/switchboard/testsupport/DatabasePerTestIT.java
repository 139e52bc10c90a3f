package io.switchboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.config.PostgresAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabasePerTestIT {

  @Test
  void createMakesAMigratedDatabaseOfItsOwnAndCloseDropsIt() throws SQLException {
    TestDatabase database = TestDatabase.create();
    String name = database.address().database();
    try {
      assertThat(name).matches("sbtest_[0-9a-f]{16}");
      assertThat(databaseExists(name)).isTrue();
      assertThat(tableCount(database)).isGreaterThanOrEqualTo(10);
      assertThat(database.settings().address()).contains(database.address());
    } finally {
      database.close();
    }

    assertThat(databaseExists(name)).isFalse();
    database.close();
  }

  @Test
  void closeDropsTheDatabaseEvenWithAConnectionOpen() throws SQLException {
    TestDatabase database = TestDatabase.createEmpty();
    try (Connection stillOpen = database.connect()) {
      database.close();

      assertThat(databaseExists(database.address().database())).isFalse();
    }
  }

  @Test
  void anEmptyDatabaseHasNoTablesAndEachTestGetsAnother() throws SQLException {
    try (TestDatabase first = TestDatabase.createEmpty();
        TestDatabase second = TestDatabase.createEmpty()) {
      assertThat(first.address().database()).isNotEqualTo(second.address().database());
      assertThat(tableCount(first)).isZero();
    }
  }

  private static boolean databaseExists(String name) throws SQLException {
    PostgresAddress admin = TestServices.postgresAdmin();
    try (Connection connection =
            DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rows = exists.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static int tableCount(TestDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
