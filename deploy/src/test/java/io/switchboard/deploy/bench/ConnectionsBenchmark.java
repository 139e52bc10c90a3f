package io.switchboard.deploy.bench;

import io.switchboard.deploy.ServerProcess;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;

/**
 * Connections one node holds: {@code --connections} console WebSockets to the node's {@code /ws}
 * (each with a real agent's token, {@code --per-user} sessions per agent, each counted once its
 * snapshot arrived), and the node's used heap after full collections before and after, per
 * connection. The reference, in the same run: as many idle WebSockets to a bare Vert.x server with
 * the same options and heap in its own JVM ({@link PlainWebSocketServer}), measured the same way.
 * Not a test: it prints figures. Run from the {@code deploy} directory after {@code package}.
 */
public final class ConnectionsBenchmark {

  private ConnectionsBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args, "connections", "per-user", "in-flight");
    int connections = options.integer("connections", 10_000);
    int perUser = options.integer("per-user", 10);
    int inFlight = options.integer("in-flight", 64);
    int users = (connections + perUser - 1) / perUser;

    Vertx vertx = Vertx.vertx();
    try (TestDatabase database = TestDatabase.create();
        TestRedis redis = TestRedis.create()) {
      HeldSockets console;
      try (BenchNode node = BenchNode.start(database, redis, 0)) {
        String admin = AgentAccounts.adminToken(node.port(), BenchNode.ADMIN_PASSWORD);
        long started = System.nanoTime();
        List<BenchAgent> agents = AgentAccounts.create(node.port(), admin, users, 1);
        System.out.printf(
            "[bench] %d agent users with tokens in %.0f s%n",
            users, (System.nanoTime() - started) / 1e9);
        console =
            HeldSockets.measure(
                vertx,
                node.pid(),
                connections,
                inFlight,
                i -> consoleTarget(node.port(), agents.get(i % users).token()),
                true,
                () -> sessionsGauge(node.port()));
      }
      HeldSockets plain;
      try (PlainServerProcess server = PlainServerProcess.start()) {
        plain =
            HeldSockets.measure(
                vertx,
                server.pid(),
                connections,
                inFlight,
                i -> plainTarget(server.port()),
                false,
                () -> "");
      }
      System.out.printf(
          "%nconnections: %,d asked, %d in flight while opening, %d sessions per agent user,"
              + " server heap %s, %d cores%n",
          connections,
          inFlight,
          perUser,
          String.join(" ", BenchNode.JVM_OPTIONS),
          Runtime.getRuntime().availableProcessors());
      System.out.println(HeldSockets.header());
      System.out.println(console.row("node /ws console sessions (snapshot received)"));
      System.out.println(plain.row("reference: bare Vert.x WebSockets, no session layer"));
      System.out.printf(
          "node's switchboard_console_sessions gauge with all open: %s%n", console.whileOpen);
    } finally {
      Blocking.await(vertx.close(), 60);
    }
  }

  private static WebSocketConnectOptions consoleTarget(int port, String token) {
    return new WebSocketConnectOptions()
        .setHost("127.0.0.1")
        .setPort(port)
        .setURI("/ws")
        .addSubProtocol("switchboard.console.v1")
        .addSubProtocol("bearer." + token);
  }

  private static WebSocketConnectOptions plainTarget(int port) {
    return new WebSocketConnectOptions()
        .setHost("127.0.0.1")
        .setPort(port)
        .setURI("/ws")
        .addSubProtocol("switchboard.console.v1");
  }

  /** The sum of the node's {@code switchboard_console_sessions} samples, as text. */
  private static String sessionsGauge(int port) throws Exception {
    double sum = 0;
    boolean found = false;
    for (String line : ServerProcess.get(port, "/metrics").body().split("\n")) {
      if (line.startsWith("switchboard_console_sessions{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? String.format("%.0f (summed over roles)", sum) : "absent";
  }
}
