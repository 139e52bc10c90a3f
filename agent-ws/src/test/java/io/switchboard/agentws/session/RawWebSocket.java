package io.switchboard.agentws.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

/**
 * A WebSocket client written by hand over TCP, for peers the Vert.x client cannot play: one that
 * never answers a ping and one that stops reading. It does the handshake and nothing else. It holds
 * its {@link NetClient}, which Vert.x would close with the socket once unreferenced.
 */
final class RawWebSocket {

  private final NetClient client;
  private final NetSocket socket;
  private final Promise<Void> closed = Promise.promise();

  private RawWebSocket(NetClient client, NetSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.closeHandler(done -> closed.tryComplete());
  }

  /** Connects and upgrades with {@code ?token=}; completes once the 101 answer has arrived. */
  static Future<RawWebSocket> connect(Vertx vertx, int port, String token) {
    // A small receive buffer, so that a reader that stops fills the path in a few MB.
    NetClient client = vertx.createNetClient(new NetClientOptions().setReceiveBufferSize(8 * 1024));
    return client
        .connect(port, "127.0.0.1")
        .compose(
            socket -> {
              RawWebSocket raw = new RawWebSocket(client, socket);
              Promise<RawWebSocket> upgraded = Promise.promise();
              Buffer head = Buffer.buffer();
              socket.handler(
                  bytes -> {
                    if (upgraded.future().isComplete()) {
                      return;
                    }
                    head.appendBuffer(bytes);
                    if (head.toString().startsWith("HTTP/1.1 101")) {
                      upgraded.tryComplete(raw);
                    } else if (head.toString().contains("\r\n\r\n")) {
                      upgraded.tryFail("no upgrade: " + head);
                    }
                  });
              socket.write(
                  "GET /ws?token="
                      + token
                      + " HTTP/1.1\r\nHost: 127.0.0.1:"
                      + port
                      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 13\r\n\r\n");
              return upgraded.future();
            });
  }

  /** Stops reading: the server's writes pile up in the kernel, then in its own queue. */
  void stopReading() {
    socket.pause();
  }

  void resumeReading() {
    socket.resume();
  }

  /** Completes when the server has closed the TCP connection. */
  Future<Void> closed() {
    return closed.future();
  }
}
