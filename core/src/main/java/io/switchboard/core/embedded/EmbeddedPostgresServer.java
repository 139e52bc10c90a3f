package io.switchboard.core.embedded;

import io.switchboard.core.SuppressForbidden;
import io.switchboard.core.config.PostgresAddress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact, for dev mode and for
 * tests on a machine without one. Listens on loopback only, on a free port. With a data directory
 * its data outlives restarts; without one it lives in a temporary directory. Blocking: used at
 * start-up and in test set-up, never on an event loop.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** The superuser of an embedded server; it trusts local connections, so it has no password. */
  public static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where the cluster lives and is kept, or null for a throwaway one
   */
  public static EmbeddedPostgresServer start(Path dataDirectory) {
    return start(dataDirectory, 0);
  }

  /**
   * Starts a server on a given port. Stopping a server with a data directory and starting it again
   * on the same directory and port is, to its clients, a PostgreSQL restart (fault tests).
   *
   * @param dataDirectory where the cluster lives and is kept, or null for a throwaway one
   * @param port the port to listen on, or 0 for a free one
   */
  @SuppressForbidden(reason = "starts a process at start-up, before event loops take work")
  public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535, got " + port);
    }
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
      if (port > 0) {
        builder.setPort(port);
      }
      if (dataDirectory != null) {
        Files.createDirectories(dataDirectory);
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException failed) {
      throw new UncheckedIOException(
          "could not start embedded PostgreSQL: " + failed.getMessage(), failed);
    }
  }

  /** The address of a database on this server, as its superuser. */
  public PostgresAddress address(String database) {
    return new PostgresAddress("127.0.0.1", postgres.getPort(), database, SUPERUSER, null);
  }

  /** Creates the database unless it exists. */
  @SuppressForbidden(reason = "JDBC at start-up or in test set-up")
  public void createDatabaseIfMissing(String database) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
      }
    } catch (SQLException failed) {
      throw new IllegalStateException(
          "could not create database " + database + ": " + failed.getMessage(), failed);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** Stops the server; its data directory, if any, is kept. */
  @Override
  @SuppressForbidden(reason = "stops a process at shutdown")
  public void close() {
    try {
      postgres.close();
    } catch (IOException failed) {
      throw new UncheckedIOException("could not stop embedded PostgreSQL", failed);
    }
  }
}
