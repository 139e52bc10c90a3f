package io.switchboard.agentws.call;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.agent.AgentState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Asks the agent-state owner ({@code AgentStateVerticle}, over {@value
 * ConsoleBusAddresses#AGENT_STATE_QUERY}) for an agent's state, by user or by member interface, and
 * tells it when a click-to-dial starts or fails ({@value ConsoleBusAddresses#AGENT_DIAL}).
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

  /**
   * The agent's phone is about to ring for its dial of the call {@code linkedId}: the owner makes
   * the agent busy on it (and has the PBX pause it in its queues); fails when it may not dial now.
   */
  Future<AgentState> dialStarts(long userId, String linkedId) {
    return dial(userId, linkedId, ConsoleBusAddresses.DIAL_START);
  }

  /** The dial of the call {@code linkedId} did not reach the agent: back to its earlier state. */
  Future<AgentState> dialFailed(long userId, String linkedId) {
    return dial(userId, linkedId, ConsoleBusAddresses.DIAL_FAILED);
  }

  private Future<AgentState> dial(long userId, String linkedId, String phase) {
    return bus.request(
            ConsoleBusAddresses.AGENT_DIAL,
            new JsonObject().put("userId", userId).put("linkedId", linkedId).put("phase", phase))
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
