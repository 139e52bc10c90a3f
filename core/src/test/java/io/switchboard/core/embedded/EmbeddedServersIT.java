package io.switchboard.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.RedisAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersIT {

  private static final Duration AOF_WAIT = Duration.ofSeconds(10);

  @Test
  void postgresWithADataDirectoryKeepsARowAcrossARestart(@TempDir Path dataDirectory)
      throws SQLException {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
      server.createDatabaseIfMissing("switchboard");
      update(server.address("switchboard"), "CREATE TABLE kept (note text)");
      update(server.address("switchboard"), "INSERT INTO kept VALUES ('survives a restart')");
    }

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
      server.createDatabaseIfMissing("switchboard");

      assertThat(notes(server.address("switchboard"))).containsExactly("survives a restart");
    }
  }

  @Test
  void postgresRestartedOnItsPortAndDataDirectoryIsTheSameServerToItsClients(
      @TempDir Path dataDirectory) throws SQLException {
    int port;
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
      port = server.port();
      server.createDatabaseIfMissing("switchboard");
      update(server.address("switchboard"), "CREATE TABLE kept (note text)");
      update(server.address("switchboard"), "INSERT INTO kept VALUES ('same port')");
    }

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, port)) {
      assertThat(server.port()).isEqualTo(port);
      assertThat(notes(server.address("switchboard"))).containsExactly("same port");
    }
  }

  @Test
  void redisWithADataDirectoryKeepsAKeyAcrossARestart(@TempDir Path dataDirectory)
      throws InterruptedException {
    String key = "embedded-it:" + UUID.randomUUID();
    EmbeddedRedisServer first = EmbeddedRedisServer.start(dataDirectory);
    try {
      redis(first.address(), commands -> commands.set(key, "survives a restart"));
      awaitAppendOnlyFileHolding(dataDirectory, key);
    } finally {
      first.close();
    }

    EmbeddedRedisServer second = EmbeddedRedisServer.start(dataDirectory);
    try {
      assertThat(redis(second.address(), commands -> commands.get(key)))
          .isEqualTo("survives a restart");
    } finally {
      second.close();
    }
  }

  @Test
  void redisAcceptsADataDirectoryWithASpaceInItsPath(@TempDir Path parent) {
    try (EmbeddedRedisServer server = EmbeddedRedisServer.start(parent.resolve("data dir"))) {
      assertThat(redis(server.address(), RedisCommands::ping)).isEqualTo("PONG");
    }
  }

  @Test
  void redisWithoutADataDirectoryAnswers() {
    try (EmbeddedRedisServer server = EmbeddedRedisServer.start(null)) {
      assertThat(server.address().port()).isEqualTo(server.port());
      assertThat(redis(server.address(), RedisCommands::ping)).isEqualTo("PONG");
    }
  }

  /**
   * Redis appends every write to its append-only file at once and fsyncs it every second; the key
   * is on disk once a file in the data directory holds it.
   */
  private static void awaitAppendOnlyFileHolding(Path directory, String key)
      throws InterruptedException {
    long deadline = System.nanoTime() + AOF_WAIT.toNanos();
    while (!anyFileHolds(directory, key)) {
      assertThat(System.nanoTime())
          .as("the append-only file in %s holds %s within %s", directory, key, AOF_WAIT)
          .isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  private static boolean anyFileHolds(Path directory, String text) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
          return true;
        }
      }
      return false;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static String redis(
      RedisAddress address, Function<RedisCommands<String, String>, String> use) {
    RedisClient client = RedisClient.create(RedisURI.create(address.host(), address.port()));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return use.apply(connection.sync());
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  private static void update(PostgresAddress address, String sql) throws SQLException {
    try (Connection connection = connect(address);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> notes(PostgresAddress address) throws SQLException {
    List<String> notes = new ArrayList<>();
    try (Connection connection = connect(address);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
      while (rows.next()) {
        notes.add(rows.getString(1));
      }
    }
    return notes;
  }

  private static Connection connect(PostgresAddress address) throws SQLException {
    return DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
  }
}
