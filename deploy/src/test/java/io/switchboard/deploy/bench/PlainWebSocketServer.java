package io.switchboard.deploy.bench;

import io.switchboard.agentws.session.ConsoleLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * The connection benchmark's reference server, run in its own JVM by {@link PlainServerProcess}: a
 * bare Vert.x HTTP server that upgrades {@code /ws} with the node's WebSocket options (frame and
 * message limits, the console's subprotocols) and then does nothing, so that the heap it spends per
 * idle socket is what Vert.x and Netty cost without the session layer. Prints {@code listening on
 * PORT} once it listens; stops when its input closes.
 */
public final class PlainWebSocketServer {

  private PlainWebSocketServer() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    HttpServer server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setMaxWebSocketFrameSize(ConsoleLimits.MAX_FRAME_BYTES)
                    .setMaxWebSocketMessageSize(ConsoleLimits.MAX_MESSAGE_BYTES)
                    .setWebSocketSubProtocols(ConsoleLimits.SERVER_SUBPROTOCOLS))
            .webSocketHandler(
                socket -> {
                  if (!"/ws".equals(socket.path())) {
                    socket.close();
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    System.out.println("listening on " + server.actualPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to close our input
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
