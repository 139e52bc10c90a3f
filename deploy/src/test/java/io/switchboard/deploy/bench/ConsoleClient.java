package io.switchboard.deploy.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One agent's console as the benchmark plays it: a WebSocket to {@code /ws} with the agent's token,
 * {@code agent.login} with its phone and queue, and then what a quick agent does: it notes when
 * each {@code screenpop.show} arrives (reading the clock before parsing the frame) and ends each
 * wrap-up at once with {@code agent.wrapup.done}. Frames are handled on the socket's event loop;
 * replies to commands wait in a map of at most a few entries (one login, one wrap-up at a time).
 */
final class ConsoleClient {

  private final BenchAgent agent;
  private final WebSocket socket;
  private final PathTimer screenPops;
  private final ConsoleCounters counters;
  private final Promise<JsonObject> snapshot = Promise.promise();
  private final ConcurrentHashMap<String, Promise<JsonObject>> replies = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private ConsoleClient(
      BenchAgent agent, WebSocket socket, PathTimer screenPops, ConsoleCounters counters) {
    this.agent = agent;
    this.socket = socket;
    this.screenPops = screenPops;
    this.counters = counters;
    socket.textMessageHandler(this::onText);
    socket.closeHandler(v -> counters.closed.incrementAndGet());
  }

  /** Opens the agent's console and completes once its first snapshot arrived. */
  static Future<ConsoleClient> open(
      WebSocketClient client,
      int port,
      BenchAgent agent,
      PathTimer screenPops,
      ConsoleCounters counters) {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/ws")
            .addSubProtocol("switchboard.console.v1")
            .addSubProtocol("bearer." + agent.token());
    return client
        .connect(options)
        .compose(
            socket -> {
              ConsoleClient console = new ConsoleClient(agent, socket, screenPops, counters);
              return console.snapshot.future().map(s -> console);
            });
  }

  /** {@code agent.login} with the agent's phone and queue; completes with the reply's data. */
  Future<JsonObject> login() {
    return command(
        "agent.login",
        new JsonObject()
            .put("interface", agent.phone())
            .put("queues", new JsonArray().add(agent.queue())));
  }

  Future<JsonObject> command(String type, JsonObject data) {
    String id = Long.toString(ids.incrementAndGet());
    Promise<JsonObject> reply = Promise.promise();
    replies.put(id, reply);
    socket
        .writeTextMessage(
            new JsonObject().put("type", type).put("id", id).put("data", data).encode())
        .onFailure(
            e -> {
              replies.remove(id);
              reply.tryFail(e);
            });
    return reply.future();
  }

  Future<Void> close() {
    return socket.close();
  }

  private void onText(String text) {
    long arrived = System.nanoTime();
    JsonObject frame = new JsonObject(text);
    String type = frame.getString("type", "");
    Object replyTo = frame.getValue("replyTo");
    if (replyTo != null) {
      Promise<JsonObject> reply = replies.remove(replyTo.toString());
      if (reply != null) {
        if ("error".equals(type)) {
          reply.tryFail(frame.getJsonObject("data", new JsonObject()).encode());
        } else {
          reply.tryComplete(frame.getJsonObject("data", new JsonObject()));
        }
      }
      return;
    }
    switch (type) {
      case "snapshot" -> snapshot.tryComplete(frame.getJsonObject("data", new JsonObject()));
      case "screenpop.show" -> screenPop(frame.getJsonObject("data", new JsonObject()), arrived);
      case "agent.state.changed" -> stateChanged(frame.getJsonObject("data", new JsonObject()));
      default -> {
        // other pushes (screenpop.update/close, ...) need nothing from this agent
      }
    }
  }

  private void screenPop(JsonObject data, long arrived) {
    JsonObject call = data.getJsonObject("call", new JsonObject());
    screenPops.arrived(AgentCalledTap.key(call.getString("linkedId", ""), agent.phone()), arrived);
    counters.screenPops.incrementAndGet();
    if (data.getJsonObject("customer") != null) {
      counters.withCustomer.incrementAndGet();
    }
  }

  private void stateChanged(JsonObject state) {
    if ("wrap_up".equals(state.getString("state"))) {
      command("agent.wrapup.done", new JsonObject())
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  counters.commandErrors.incrementAndGet();
                  counters.firstCommandError.compareAndSet(null, ar.cause().getMessage());
                }
              });
    }
  }
}
