package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.pbxsim.PbxSimSettings;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness tells the truth: with Redis unreachable and one of two Asterisk servers away, {@code
 * /health/ready} answers 503 and names exactly what is down; when the reachable Asterisk goes away
 * too, it says so.
 */
class ReadinessIT {

  @TempDir Path directory;

  @Test
  void readinessNamesEveryDependencyThatIsDown() throws Exception {
    int closedRedisPort = unusedPort();
    int closedAmiPort = unusedPort();
    Vertx pbxVertx = Vertx.vertx();
    PbxSimulator asterisk = await(PbxSimulator.start(pbxVertx, PbxSimSettings.forTests()));
    try (TestDatabase database = TestDatabase.createEmpty();
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

      JsonObject report = awaitReadiness(port, down -> down.equals(List.of("redis", "ami:pbx2")));
      assertThat(report.getString("status")).isEqualTo("DOWN");
      assertThat(report.getJsonArray("down").getList()).containsExactly("redis", "ami:pbx2");
      assertThat(check(report, "postgres").getString("status")).isEqualTo("UP");
      assertThat(check(report, "ami:pbx1").getString("status")).isEqualTo("UP");
      assertThat(check(report, "redis").getString("error")).isNotBlank();
      assertThat(check(report, "ami:pbx2").getString("error"))
          .contains("not logged in to 127.0.0.1:" + closedAmiPort);

      assertThat(server.stdoutLines())
          .as("log.format=json writes one JSON object a line")
          .isNotEmpty()
          .allSatisfy(line -> assertThat(new JsonObject(line).getString("level")).isNotBlank());

      await(pbxVertx.close());
      assertThat(awaitReadiness(port, down -> down.size() == 3).getJsonArray("down").getList())
          .as("the AMI session of pbx1 ended with its PBX")
          .containsExactly("redis", "ami:pbx1", "ami:pbx2");
    } finally {
      pbxVertx.close();
    }
  }

  @Test
  void aProbeInFlightWhenSigtermArrivesStillGetsItsAnswer() throws Exception {
    try (TestDatabase database = TestDatabase.createEmpty();
        TestRedis redis = TestRedis.create();
        StallingRelay relay = new StallingRelay(redis.address().port());
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
                    "redis://127.0.0.1:" + relay.port(),
                    "SWITCHBOARD_REDIS_KEY_PREFIX",
                    redis.keyPrefix()))) {
      int port = server.awaitReady(Duration.ofSeconds(60));
      awaitReadiness(port, List::isEmpty);

      relay.stall();
      CompletableFuture<HttpResponse<String>> inFlight =
          ServerProcess.getAsync(port, "/health/ready");
      Thread.sleep(500); // the probe now waits for a PONG that does not come
      server.terminate();

      HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
      assertThat(new JsonObject(answer.body()).getJsonArray("down").getList())
          .containsExactly("redis");
      assertThat(server.awaitExit(Duration.ofSeconds(10))).as(server.output()).hasValue(0);
    }
  }

  /** Polls readiness until the list of components that are down satisfies {@code wanted}. */
  private static JsonObject awaitReadiness(int port, Predicate<List<Object>> wanted)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      HttpResponse<String> response = ServerProcess.get(port, "/health/ready");
      JsonObject report = new JsonObject(response.body());
      List<Object> down = report.getJsonArray("down").getList();
      if (wanted.test(down) || System.nanoTime() > deadline) {
        assertThat(response.statusCode()).isEqualTo(down.isEmpty() ? 200 : 503);
        return report;
      }
      Thread.sleep(100);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
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
   * A TCP relay to the real Redis that can stall: after {@link #stall()} it stops passing bytes in
   * either direction while keeping the connections open, like a Redis frozen by a long command or a
   * network that drops packets.
   */
  private static final class StallingRelay implements AutoCloseable {
    private final ServerSocket socket;
    private final int targetPort;
    private volatile boolean stalled;

    StallingRelay(int targetPort) throws IOException {
      this.targetPort = targetPort;
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::serve, "stalling-relay");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    void stall() {
      stalled = true;
    }

    private void serve() {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Socket redis = new Socket(InetAddress.getLoopbackAddress(), targetPort);
          pump(client, redis);
          pump(redis, client);
        } catch (IOException closed) {
          // the relay was closed
        }
      }
    }

    private void pump(Socket from, Socket to) {
      Thread pump =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                try {
                  int read;
                  while ((read = from.getInputStream().read(buffer)) >= 0) {
                    while (stalled && !socket.isClosed()) {
                      Thread.sleep(50);
                    }
                    to.getOutputStream().write(buffer, 0, read);
                  }
                } catch (IOException | InterruptedException ended) {
                  // one side closed
                }
              },
              "relay-pump");
      pump.setDaemon(true);
      pump.start();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
