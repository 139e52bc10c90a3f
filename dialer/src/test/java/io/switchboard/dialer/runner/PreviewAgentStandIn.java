package io.switchboard.dialer.runner;

import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.console.ConsoleAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for agent-ws at its event-bus boundary for one agent, ready at the start: answers
 * {@code agent.state.query}, takes {@code agent.pause {reason}} and {@code agent.ready} on {@code
 * console.command.agent} (publishing {@code agent.state.changed} to the agent and supervisors, then
 * replying {@code agent.state}, as agent-ws does), and follows an outbound dial as agent-ws's
 * {@code agent.state.dial} does: {@code start} puts the agent on the call ({@code
 * on_call:outbound}), {@code failed} or a {@code call.ended} of that call that was not answered
 * puts it back, an answered one ends in a wrap-up of 0 s (ready; agent-ws with {@code
 * console.wrap-up} {@code *=0s}). Every state it took is kept in order ({@link #states()}).
 */
final class PreviewAgentStandIn {

  private final Vertx vertx;
  private final long userId;
  private final String agentInterface;
  private final String queue;
  private final List<MessageConsumer<JsonObject>> consumers;
  private final List<String> states = new CopyOnWriteArrayList<>();
  private volatile String state = "ready";
  private volatile String reason;
  private volatile String dialLinkedId;
  private volatile String beforeDial;
  private volatile String beforeDialReason;

  private PreviewAgentStandIn(Vertx vertx, long userId, String agentInterface, String queue) {
    this.vertx = vertx;
    this.userId = userId;
    this.agentInterface = agentInterface;
    this.queue = queue;
    this.consumers =
        List.of(
            vertx
                .eventBus()
                .consumer(
                    "agent.state.query",
                    message ->
                        message.reply(new JsonObject().put("agents", new JsonArray().add(json())))),
            vertx
                .eventBus()
                .consumer(
                    ConsoleAddresses.commandAddress("agent"),
                    message -> {
                      JsonObject command = message.body();
                      if (command.getLong("userId") != userId) {
                        message.fail(409, "not logged in");
                        return;
                      }
                      switch (command.getString("type")) {
                        case "agent.pause" ->
                            change("paused", command.getJsonObject("data").getString("reason"));
                        case "agent.ready" -> change("ready", null);
                        default -> {
                          message.fail(400, "unknown agent command");
                          return;
                        }
                      }
                      message.reply(
                          new JsonObject().put("type", "agent.state").put("data", json()));
                    }),
            vertx.eventBus().consumer(ConsoleAddresses.AGENT_DIAL, this::dial),
            vertx.eventBus().consumer(CallAddresses.CALL_ENDED, this::callEnded));
  }

  private void dial(Message<JsonObject> message) {
    JsonObject request = message.body();
    if (request.getLong("userId") != userId) {
      message.fail(409, "not logged in");
      return;
    }
    String linkedId = request.getString("linkedId");
    if (ConsoleAddresses.AGENT_DIAL_START.equals(request.getString("phase"))) {
      if (!state.equals("ready") && !state.equals("paused")) {
        message.fail(409, "the agent is " + state);
        return;
      }
      beforeDial = state;
      beforeDialReason = reason;
      dialLinkedId = linkedId;
      change("on_call", "outbound");
    } else if (linkedId.equals(dialLinkedId)) {
      backFromDial();
    }
    message.reply(new JsonObject().put("agent", json()));
  }

  private void callEnded(Message<JsonObject> message) {
    JsonObject ended = message.body();
    if (dialLinkedId == null || !dialLinkedId.equals(ended.getString("linkedId"))) {
      return;
    }
    if ("answered".equals(ended.getString("outcome"))) {
      dialLinkedId = null;
      change("ready", null);
    } else {
      backFromDial();
    }
  }

  private void backFromDial() {
    dialLinkedId = null;
    change(beforeDial, beforeDialReason);
  }

  static Future<PreviewAgentStandIn> start(
      Vertx vertx, long userId, String agentInterface, String queue) {
    PreviewAgentStandIn standIn = new PreviewAgentStandIn(vertx, userId, agentInterface, queue);
    return Future.all(standIn.consumers.stream().map(MessageConsumer::completion).toList())
        .map(standIn);
  }

  Future<Void> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  /** Every state the agent took, in order, as {@link #state()} gives them. */
  List<String> states() {
    return List.copyOf(states);
  }

  /** The state as {@code state} or {@code state:reason}. */
  String state() {
    return reason == null ? state : state + ":" + reason;
  }

  /** The agent presses Ready on its console. */
  void ready() {
    change("ready", null);
  }

  private void change(String newState, String newReason) {
    state = newState;
    reason = newReason;
    states.add(state());
    JsonObject event = new JsonObject().put("type", "agent.state.changed").put("data", json());
    vertx.eventBus().publish(ConsoleAddresses.toUser(userId), event);
    vertx.eventBus().publish(ConsoleAddresses.toRole(ConsoleAddresses.ROLE_SUPERVISOR), event);
  }

  private JsonObject json() {
    return new JsonObject()
        .put("userId", userId)
        .put("state", state)
        .put("reason", reason)
        .put("interface", agentInterface)
        .put("queues", new JsonArray().add(queue))
        .put("since", "2025-03-12T06:00:00Z");
  }
}
