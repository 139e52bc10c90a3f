package io.switchboard.testsupport;

import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.PostgresSettings;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.DatabaseMigrations;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fresh database of its own for one test, on the {@link TestServices} PostgreSQL, dropped again
 * by {@link #close()}. Blocking (JDBC): create and close it in set-up and tear-down, never on an
 * event loop.
 */
public final class TestDatabase implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PostgresAddress address;
  private boolean closed;

  private TestDatabase(PostgresAddress address) {
    this.address = address;
  }

  /** A new database with every migration applied. */
  public static TestDatabase create() {
    TestDatabase database = createEmpty();
    try {
      DatabaseMigrations.migrate(database.address());
    } catch (RuntimeException failed) {
      database.close();
      throw failed;
    }
    return database;
  }

  /** A new database with nothing in it, for tests of the migrations themselves. */
  public static TestDatabase createEmpty() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String name = "sbtest_" + HexFormat.of().formatHex(bytes);
    PostgresAddress admin = TestServices.postgresAdmin();
    execute(admin, "CREATE DATABASE " + name);
    return new TestDatabase(admin.withDatabase(name));
  }

  /** Where the database is, as the test server's admin user. */
  public PostgresAddress address() {
    return address;
  }

  /** The default PostgreSQL settings pointed at this database. */
  public PostgresSettings settings() {
    return SwitchboardSettings.from(RawSettings.defaults()).postgres().withAddress(address);
  }

  /** A new JDBC connection to this database; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
  }

  /** Drops the database, closing any connection still open to it. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      execute(
          TestServices.postgresAdmin(),
          "DROP DATABASE IF EXISTS " + address.database() + " WITH (FORCE)");
    }
  }

  @Override
  public String toString() {
    return address.toString();
  }

  private static void execute(PostgresAddress admin, String sql) {
    try (Connection connection =
            DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException failed) {
      throw new IllegalStateException(
          "could not run \"" + sql + "\" on " + admin + ": " + failed.getMessage(), failed);
    }
  }
}
