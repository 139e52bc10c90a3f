package io.switchboard.deploy.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.List;

/**
 * Every agent's console on one Vert.x WebSocket client: opened and logged in a bounded number at a
 * time ({@link #IN_FLIGHT}), then kept open until {@link #close()}. The Vert.x client's own limit
 * of connections per server is raised to the fleet's size, so none waits in its queue.
 */
final class ConsoleFleet {

  static final int IN_FLIGHT = 32;

  private final WebSocketClient client;
  private final ConsoleCounters counters = new ConsoleCounters();
  private List<ConsoleClient> consoles = List.of();

  ConsoleFleet(Vertx vertx, int size) {
    this.client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxConnections(size + 16)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(4 << 20));
  }

  ConsoleCounters counters() {
    return counters;
  }

  /** Opens a console per agent (each waits for its snapshot), then logs each agent in. */
  Future<Void> openAndLogIn(int port, List<BenchAgent> agents, PathTimer screenPops) {
    return BoundedLaunch.run(
            agents.size(),
            IN_FLIGHT,
            i -> ConsoleClient.open(client, port, agents.get(i), screenPops, counters))
        .compose(
            opened -> {
              consoles = opened;
              return BoundedLaunch.run(opened.size(), IN_FLIGHT, i -> opened.get(i).login());
            })
        .mapEmpty();
  }

  Future<Void> close() {
    return Future.join(consoles.stream().map(ConsoleClient::close).toList())
        .transform(ar -> client.close());
  }
}
