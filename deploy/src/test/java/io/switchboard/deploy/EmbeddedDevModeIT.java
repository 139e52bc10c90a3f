package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command on a machine with no PostgreSQL or Redis configured: dev mode starts
 * embedded real servers, becomes ready within 60 s, and a restart keeps the data.
 */
class EmbeddedDevModeIT {

  private static final Pattern EMBEDDED_POSTGRES =
      Pattern.compile("Started embedded PostgreSQL on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path directory;

  @Test
  void devModeStartsEmbeddedServersAndARestartKeepsTheData() throws Exception {
    Map<String, String> environment = Map.of("SWITCHBOARD_HTTP_PORT", "0");

    try (ServerProcess first = ServerProcess.start(directory, environment)) {
      int port = first.awaitReady(Duration.ofSeconds(60));
      HttpResponse<String> ready = ServerProcess.get(port, "/health/ready");
      for (int attempt = 0; attempt < 100 && ready.statusCode() != 200; attempt++) {
        Thread.sleep(100); // the AMI login to the simulator finishes in the background
        ready = ServerProcess.get(port, "/health/ready");
      }
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(ready.body()).contains("ami:pbx-sim");
      assertThat(new JsonObject(ready.body()).getJsonArray("down")).isEmpty();
      assertThat(first.output()).contains("embedded PostgreSQL, Redis, the PBX simulator, data in");

      execute(
          embeddedPostgresPort(first),
          "INSERT INTO customers (kind, name) VALUES ('individual', 'Li Lei')");

      int postgresPort = embeddedPostgresPort(first);
      first.terminate();
      assertThat(first.awaitExit(Duration.ofSeconds(10))).as(first.output()).hasValue(0);
      assertThat(first.output()).contains("Stopped");
      assertThat(listening(postgresPort)).as("embedded PostgreSQL stopped with the node").isFalse();
    }
    assertThat(directory.resolve("data/postgres/PG_VERSION")).exists();

    try (ServerProcess second = ServerProcess.start(directory, environment)) {
      second.awaitReady(Duration.ofSeconds(60));
      assertThat(second.output()).contains("0 migrations applied now");
      assertThat(
              count(
                  embeddedPostgresPort(second),
                  "SELECT count(*) FROM customers WHERE name = 'Li Lei'"))
          .isEqualTo(1);
      second.terminate();
      assertThat(second.awaitExit(Duration.ofSeconds(10))).as(second.output()).hasValue(0);
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static int embeddedPostgresPort(ServerProcess server) {
    Matcher started =
        server.findLine(EMBEDDED_POSTGRES).orElseThrow(() -> new AssertionError(server.output()));
    return Integer.parseInt(started.group(1));
  }

  private static void execute(int port, String sql) throws Exception {
    try (Connection connection = connect(port);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(int port, String sql) throws Exception {
    try (Connection connection = connect(port);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection connect(int port) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/switchboard", "postgres", "");
  }
}
