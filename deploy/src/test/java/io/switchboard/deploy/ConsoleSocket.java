package io.switchboard.deploy;

import io.switchboard.deploy.ami.Await;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A console session as a browser opens it: {@code GET /ws} with the subprotocols {@code
 * switchboard.console.v1} and {@code bearer.<token>}, on the Vert.x WebSocket client and its own
 * context. The test thread takes the frames it expects, in arrival order; a frame passed over while
 * waiting for another stays available for a later wait, and every frame received is kept for checks
 * at the end. It holds its {@link WebSocketClient}: Vert.x closes a client nobody references when
 * the garbage collector finds it, with its connections.
 */
final class ConsoleSocket implements AutoCloseable {

  /** Longest wait for one expected frame. */
  static final Duration WAIT = Duration.ofSeconds(20);

  private static final int MAX_UNREAD_FRAMES = 10_000;

  private final Context context;
  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> arriving = new LinkedBlockingQueue<>(MAX_UNREAD_FRAMES);
  private final List<JsonObject> received = new ArrayList<>();
  private final List<JsonObject> passedOver = new ArrayList<>();
  private final Promise<Short> closed = Promise.promise();
  private int nextId = 1;

  private ConsoleSocket(Context context, WebSocketClient client, WebSocket socket) {
    this.context = context;
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> arriving.add(new JsonObject(text)));
    socket.closeHandler(
        done ->
            closed.tryComplete(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode()));
  }

  /** Opens a session with {@code token}; blocks the test thread until the upgrade answered. */
  static ConsoleSocket open(Vertx vertx, int port, String token) {
    Context context = vertx.getOrCreateContext();
    Promise<ConsoleSocket> opened = Promise.promise();
    context.runOnContext(
        now -> {
          WebSocketClient client = vertx.createWebSocketClient();
          client
              .connect(
                  new WebSocketConnectOptions()
                      .setHost("127.0.0.1")
                      .setPort(port)
                      .setURI("/ws")
                      .addSubProtocol("switchboard.console.v1")
                      .addSubProtocol("bearer." + token))
              .map(socket -> new ConsoleSocket(context, client, socket))
              .onComplete(opened);
        });
    return Await.result(opened.future());
  }

  /** The subprotocol the server accepted. */
  String subProtocol() {
    return socket.subProtocol();
  }

  /** The first frame not taken yet, whatever it is. */
  JsonObject next() {
    return next(frame -> true, "any frame");
  }

  /** The first frame of {@code type} not taken yet. */
  JsonObject next(String type) {
    return next(type, data -> true);
  }

  /** The first frame of {@code type} whose data matches, not taken yet. */
  JsonObject next(String type, Predicate<JsonObject> data) {
    return next(
        frame -> type.equals(frame.getString("type")) && data.test(frame.getJsonObject("data")),
        "a " + type + " frame");
  }

  private JsonObject next(Predicate<JsonObject> wanted, String what) {
    for (JsonObject frame : passedOver) {
      if (wanted.test(frame)) {
        passedOver.remove(frame);
        return frame;
      }
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        JsonObject frame = arriving.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (frame == null) {
          throw new AssertionError("no " + what + " within " + WAIT + "; received: " + received);
        }
        received.add(frame);
        if (wanted.test(frame)) {
          return frame;
        }
        passedOver.add(frame);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  /** The next {@code agent.state.changed} push with {@code state}. */
  JsonObject nextState(String state) {
    return next("agent.state.changed", data -> state.equals(data.getString("state")));
  }

  /** Sends a command and returns its answer (a reply or an {@code error} frame). */
  JsonObject command(String type, JsonObject data) {
    int id = nextId++;
    String text = new JsonObject().put("type", type).put("id", id).put("data", data).encode();
    Promise<Void> sent = Promise.promise();
    context.runOnContext(now -> socket.writeTextMessage(text).onComplete(sent));
    Await.result(sent.future());
    return next(
        frame -> Integer.valueOf(id).equals(frame.getValue("replyTo")), "answer to " + type);
  }

  /** Every frame received so far, taken or not, in order. */
  List<JsonObject> received() {
    return List.copyOf(received);
  }

  /** The types of the frames received so far, in order. */
  List<String> receivedTypes() {
    return received.stream().map(frame -> frame.getString("type")).toList();
  }

  /** The close status the server sent (-1 when none), once the socket closed. */
  short awaitClosed() {
    return Await.result(closed.future());
  }

  @Override
  public void close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(
        now -> socket.close().transform(closedBefore -> client.close()).onComplete(done));
    Await.result(done.future());
  }
}
