package io.switchboard.agentws.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A console client on the Vert.x WebSocket client: frames in arrival order, one at a time. It holds
 * its {@link WebSocketClient}: Vert.x closes a client nobody references when the garbage collector
 * finds it, with its connections, even mid-handshake.
 */
final class ConsoleTestClient {

  private final WebSocketClient client;
  private final WebSocket socket;
  private final Deque<JsonObject> received = new ArrayDeque<>();
  private final Deque<Promise<JsonObject>> waiting = new ArrayDeque<>();
  private final Promise<Short> closed = Promise.promise();

  private ConsoleTestClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> arrived(new JsonObject(text)));
    socket.closeHandler(
        done ->
            closed.tryComplete(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode()));
  }

  /** Connects to {@code /ws<query>} with the given subprotocols and Origin (either may be null). */
  static Future<ConsoleTestClient> connect(
      Vertx vertx, int port, String query, String subprotocol, String origin) {
    return connect(vertx, new WebSocketClientOptions(), port, query, subprotocol, origin);
  }

  static Future<ConsoleTestClient> connect(
      Vertx vertx,
      WebSocketClientOptions clientOptions,
      int port,
      String query,
      String subprotocol,
      String origin) {
    return connect(
        vertx,
        clientOptions,
        port,
        query,
        subprotocol == null ? java.util.List.of() : java.util.List.of(subprotocol),
        origin);
  }

  static Future<ConsoleTestClient> connect(
      Vertx vertx,
      WebSocketClientOptions clientOptions,
      int port,
      String query,
      java.util.List<String> subprotocols,
      String origin) {
    WebSocketClient client = vertx.createWebSocketClient(clientOptions);
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(ConsoleRoutes.PATH + (query == null ? "" : query));
    subprotocols.forEach(options::addSubProtocol);
    if (origin != null) {
      options.putHeader("origin", origin);
    }
    return client.connect(options).map(socket -> new ConsoleTestClient(client, socket));
  }

  static Future<ConsoleTestClient> connect(Vertx vertx, int port, String token) {
    return connect(vertx, port, null, "bearer." + token, null);
  }

  WebSocket socket() {
    return socket;
  }

  synchronized Future<JsonObject> next() {
    JsonObject frame = received.pollFirst();
    if (frame != null) {
      return Future.succeededFuture(frame);
    }
    Promise<JsonObject> promise = Promise.promise();
    waiting.addLast(promise);
    return promise.future();
  }

  JsonObject take() {
    return ConsoleTestServer.await(next());
  }

  void send(String text) {
    ConsoleTestServer.await(socket.writeTextMessage(text));
  }

  /** The close status the server sent (-1 when none). */
  Future<Short> closed() {
    return closed.future();
  }

  void close() {
    ConsoleTestServer.await(socket.close().eventually(client::close));
  }

  private synchronized void arrived(JsonObject frame) {
    Promise<JsonObject> promise = waiting.pollFirst();
    if (promise != null) {
      promise.complete(frame);
    } else {
      received.addLast(frame);
    }
  }
}
