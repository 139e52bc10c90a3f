package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness tells the truth: with Redis unreachable and one of two Asterisk servers away, {@code
 * /health/ready} answers 503 and names exactly what is down; when the reachable Asterisk goes away
 * too, it says so.
 */
class ReadinessIT {

  /**
   * The banner line of a real Asterisk 18 (AMI 7.0.3), from the capture login-md5-challenge-ami7.
   */
  private static final String REAL_BANNER = "Asterisk Call Manager/7.0.3\r\n";

  @TempDir Path directory;

  @Test
  void readinessNamesEveryDependencyThatIsDown() throws Exception {
    int closedRedisPort = unusedPort();
    int closedAmiPort = unusedPort();
    try (TestDatabase database = TestDatabase.createEmpty();
        AmiPeer asterisk = new AmiPeer(true);
        ServerProcess server =
            ServerProcess.start(
                directory,
                Map.of(
                    "SWITCHBOARD_MODE", "production",
                    "SWITCHBOARD_HTTP_PORT", "0",
                    "SWITCHBOARD_HEALTH_CHECK_TIMEOUT", "1s",
                    "SWITCHBOARD_LOG_FORMAT", "json",
                    "SWITCHBOARD_POSTGRES_URL", ServiceUrls.postgres(database.address()),
                    "SWITCHBOARD_REDIS_URL", "redis://127.0.0.1:" + closedRedisPort,
                    "SWITCHBOARD_AMI_SERVERS",
                        "pbx1=ami://admin:admin@127.0.0.1:"
                            + asterisk.port()
                            + ",pbx2=ami://admin:admin@127.0.0.1:"
                            + closedAmiPort))) {
      int port = server.awaitReady(Duration.ofSeconds(60));

      JsonObject report = readiness(port, 503);
      assertThat(report.getString("status")).isEqualTo("DOWN");
      assertThat(report.getJsonArray("down").getList()).containsExactly("redis", "ami:pbx2");
      assertThat(check(report, "postgres").getString("status")).isEqualTo("UP");
      assertThat(check(report, "ami:pbx1").getString("status")).isEqualTo("UP");
      assertThat(check(report, "redis").getString("error")).isNotBlank();
      assertThat(check(report, "ami:pbx2").getString("error"))
          .contains("cannot connect to 127.0.0.1:" + closedAmiPort);

      assertThat(server.stdoutLines())
          .as("log.format=json writes one JSON object a line")
          .isNotEmpty()
          .allSatisfy(line -> assertThat(new JsonObject(line).getString("level")).isNotBlank());

      asterisk.close();
      assertThat(readiness(port, 503).getJsonArray("down").getList())
          .containsExactly("redis", "ami:pbx1", "ami:pbx2");
    }
  }

  @Test
  void aProbeInFlightWhenSigtermArrivesStillGetsItsAnswer() throws Exception {
    try (TestDatabase database = TestDatabase.createEmpty();
        TestRedis redis = TestRedis.create();
        AmiPeer stalledAsterisk = new AmiPeer(false);
        ServerProcess server =
            ServerProcess.start(
                directory,
                Map.of(
                    "SWITCHBOARD_MODE",
                    "production",
                    "SWITCHBOARD_HTTP_PORT",
                    "0",
                    "SWITCHBOARD_HEALTH_CHECK_TIMEOUT",
                    "2s",
                    "SWITCHBOARD_POSTGRES_URL",
                    ServiceUrls.postgres(database.address()),
                    "SWITCHBOARD_REDIS_URL",
                    ServiceUrls.redis(redis.address()),
                    "SWITCHBOARD_REDIS_KEY_PREFIX",
                    redis.keyPrefix(),
                    "SWITCHBOARD_AMI_SERVERS",
                    "pbx1=ami://admin:admin@127.0.0.1:" + stalledAsterisk.port()))) {
      int port = server.awaitReady(Duration.ofSeconds(60));

      CompletableFuture<HttpResponse<String>> inFlight =
          ServerProcess.getAsync(port, "/health/ready");
      Thread.sleep(500); // the probe now waits for a banner that does not come
      server.terminate();

      HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
      assertThat(new JsonObject(answer.body()).getJsonArray("down").getList())
          .containsExactly("ami:pbx1");
      assertThat(server.awaitExit(Duration.ofSeconds(10))).as(server.output()).hasValue(0);
    }
  }

  private static JsonObject readiness(int port, int expectedStatus) throws Exception {
    HttpResponse<String> response = ServerProcess.get(port, "/health/ready");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return new JsonObject(response.body());
  }

  private static JsonObject check(JsonObject report, String name) {
    return report.getJsonArray("checks").stream()
        .map(JsonObject.class::cast)
        .filter(check -> name.equals(check.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + report.encode()));
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * A TCP peer that greets every connection with a real Asterisk banner and nothing more, or, when
   * {@code greets} is false, accepts connections and stays silent, like a stalled PBX.
   */
  private static final class AmiPeer implements AutoCloseable {
    private final ServerSocket socket;
    private final boolean greets;

    AmiPeer(boolean greets) throws IOException {
      this.greets = greets;
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::serve, "banner-peer");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          if (greets) {
            OutputStream out = client.getOutputStream();
            out.write(REAL_BANNER.getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
          client.getInputStream().read();
        } catch (IOException closed) {
          // the peer was closed, or the client hung up
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
