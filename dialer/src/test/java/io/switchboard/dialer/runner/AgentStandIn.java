package io.switchboard.dialer.runner;

import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.console.ConsoleAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Stands in for agent-ws at its event-bus boundary: agents logged in to one queue each, ready at
 * the start, on a call from the bridge's {@code call.answered} with their interface, ready again at
 * that call's {@code call.ended} (the simulated queue has no wrap-up). It answers {@code
 * agent.state.query} and publishes {@code agent.state.changed} to supervisors, as agent-ws does.
 */
final class AgentStandIn {

  /** One agent: user id, interface, queue. */
  record Agent(long userId, String agentInterface, String queue) {}

  private final Vertx vertx;
  private final Map<String, Agent> byInterface;
  private final List<MessageConsumer<JsonObject>> consumers;

  private AgentStandIn(Vertx vertx, List<Agent> agents) {
    this.vertx = vertx;
    this.byInterface =
        agents.stream()
            .collect(java.util.stream.Collectors.toMap(Agent::agentInterface, agent -> agent));
    this.consumers =
        List.of(
            vertx
                .eventBus()
                .consumer(
                    "agent.state.query",
                    message -> {
                      JsonArray all = new JsonArray();
                      agents.forEach(agent -> all.add(state(agent, "ready")));
                      message.reply(new JsonObject().put("agents", all));
                    }),
            vertx
                .eventBus()
                .consumer(
                    CallAddresses.CALL_ANSWERED,
                    message -> change(message.body().getString("agentInterface"), "on_call")),
            vertx
                .eventBus()
                .consumer(
                    CallAddresses.CALL_ENDED,
                    message -> change(message.body().getString("agentInterface"), "ready")));
  }

  static Future<AgentStandIn> start(Vertx vertx, List<Agent> agents) {
    AgentStandIn standIn = new AgentStandIn(vertx, agents);
    return Future.all(standIn.consumers.stream().map(MessageConsumer::completion).toList())
        .map(standIn);
  }

  Future<Void> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  private void change(String agentInterface, String state) {
    Agent agent = agentInterface == null ? null : byInterface.get(agentInterface);
    if (agent != null) {
      vertx
          .eventBus()
          .publish(
              ConsoleAddresses.toRole(ConsoleAddresses.ROLE_SUPERVISOR),
              new JsonObject().put("type", "agent.state.changed").put("data", state(agent, state)));
    }
  }

  private static JsonObject state(Agent agent, String state) {
    return new JsonObject()
        .put("userId", agent.userId())
        .put("state", state)
        .put("reason", null)
        .put("interface", agent.agentInterface())
        .put("queues", new JsonArray().add(agent.queue()))
        .put("since", "2025-03-12T06:00:00Z");
  }
}
