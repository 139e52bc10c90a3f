package io.switchboard.deploy.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Many idle WebSockets to one server for the connection benchmark: opened a bounded number at a
 * time, each counted as held once upgraded and, for the console, once its first frame (the
 * snapshot) arrived; then left alone (the Vert.x client answers the server's pings) until {@link
 * #close()}. A socket that fails to open is counted with the first failure's message, not retried.
 */
final class IdleSocketFleet {

  private final WebSocketClient client;
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong closedByServer = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private List<WebSocket> sockets = List.of();

  IdleSocketFleet(Vertx vertx, int size) {
    this.client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxConnections(size + 16)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(4 << 20));
  }

  /** Opens {@code count} sockets, {@code inFlight} at a time; completes with how many are held. */
  Future<Integer> open(
      int count, int inFlight, IntFunction<WebSocketConnectOptions> target, boolean firstFrame) {
    return BoundedLaunch.run(count, inFlight, i -> openOne(target.apply(i), firstFrame))
        .map(
            opened -> {
              sockets = opened.stream().filter(Objects::nonNull).toList();
              return sockets.size();
            });
  }

  long failed() {
    return failed.get();
  }

  long closedByServer() {
    return closedByServer.get();
  }

  String firstFailure() {
    return firstFailure.get();
  }

  Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    sockets.forEach(socket -> closing.add(socket.close()));
    return Future.join(closing).transform(ar -> client.close());
  }

  private Future<WebSocket> openOne(WebSocketConnectOptions options, boolean firstFrame) {
    return client
        .connect(options)
        .compose(
            socket -> {
              Promise<WebSocket> held = Promise.promise();
              socket.closeHandler(
                  v -> {
                    closedByServer.incrementAndGet();
                    held.tryFail("closed by the server: " + socket.closeStatusCode());
                  });
              if (firstFrame) {
                socket.frameHandler(frame -> held.tryComplete(socket));
              } else {
                held.tryComplete(socket);
              }
              return held.future();
            })
        .recover(
            e -> {
              failed.incrementAndGet();
              firstFailure.compareAndSet(null, e.getMessage());
              return Future.succeededFuture(null);
            });
  }
}
