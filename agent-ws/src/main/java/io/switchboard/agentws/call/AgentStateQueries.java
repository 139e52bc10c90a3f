package io.switchboard.agentws.call;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.agent.AgentState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Asks the agent-state owner ({@code AgentStateVerticle}, over {@value
 * ConsoleBusAddresses#AGENT_STATE_QUERY}) for an agent's state, by user or by member interface.
 * Stateless; futures complete on the caller's context.
 */
final class AgentStateQueries {

  private final BusRequests bus;

  AgentStateQueries(BusRequests bus) {
    this.bus = bus;
  }

  /** The agent's state; logged out when the owner does not know it. */
  Future<AgentState> ofUser(long userId) {
    return bus.request(
            ConsoleBusAddresses.AGENT_STATE_QUERY, new JsonObject().put("userId", userId))
        .map(reply -> AgentState.fromJson(reply.getJsonObject("agent")));
  }

  /** The logged-in agent at {@code agentInterface}, or null. */
  Future<AgentState> atInterface(String agentInterface) {
    return bus.request(
            ConsoleBusAddresses.AGENT_STATE_QUERY,
            new JsonObject().put("interface", agentInterface))
        .map(
            reply -> {
              JsonObject agent = reply.getJsonObject("agent");
              return agent == null ? null : AgentState.fromJson(agent);
            });
  }
}
