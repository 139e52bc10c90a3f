package io.switchboard.dialer.runner;

import io.switchboard.core.console.ConsoleAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Stands in for agent-ws at its event-bus boundary for one agent, ready at the start: answers
 * {@code agent.state.query}, takes {@code agent.pause {reason}} and {@code agent.ready} on {@code
 * console.command.agent} (publishing {@code agent.state.changed} to the agent and supervisors, then
 * replying {@code agent.state}, as agent-ws does), and ignores calls it did not take from a queue,
 * as agent-ws does for originated calls.
 */
final class PreviewAgentStandIn {

  private final Vertx vertx;
  private final long userId;
  private final String agentInterface;
  private final String queue;
  private final List<MessageConsumer<JsonObject>> consumers;
  private volatile String state = "ready";
  private volatile String reason;

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
                    }));
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

  /** The state as {@code state} or {@code state:reason}. */
  String state() {
    return reason == null ? state : state + ":" + reason;
  }

  private void change(String newState, String newReason) {
    state = newState;
    reason = newReason;
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
