package io.switchboard.ami.calllog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the test PostgreSQL, so that a test can take the database away from a
 * pool (close the port and every connection through it, as a network cut or a restart would) and
 * bring it back on the same port, without touching the real server.
 */
final class PostgresProxy {

  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private int port;

  PostgresProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** Listens (on a free port the first time, then on the same one again). */
  Future<Integer> open() {
    server = vertx.createNetServer().connectHandler(this::relay);
    return server.listen(port, "127.0.0.1").map(listening -> port = listening.actualPort());
  }

  /** Refuses new connections and drops the open ones. */
  Future<Void> cut() {
    NetServer closing = server;
    server = null;
    List<Future<Void>> closed = new ArrayList<>();
    closed.add(closing.close());
    for (NetSocket socket : sockets) {
      closed.add(socket.close());
    }
    sockets.clear();
    return Future.join(closed).mapEmpty();
  }

  int port() {
    return port;
  }

  private void relay(NetSocket downstream) {
    downstream.pause();
    sockets.add(downstream);
    client
        .connect(targetPort, targetHost)
        .onSuccess(
            upstream -> {
              sockets.add(upstream);
              downstream.pipeTo(upstream);
              upstream.pipeTo(downstream);
              downstream.resume();
            })
        .onFailure(failed -> downstream.close());
  }
}
