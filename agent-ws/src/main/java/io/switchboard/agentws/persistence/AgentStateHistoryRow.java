package io.switchboard.agentws.persistence;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code agent_state_history}: a state an agent was in and for how long. Immutable.
 *
 * @param userId the agent
 * @param state the state's wire name
 * @param reason the pause reason, or null
 * @param queues the agent's queues during that state
 * @param startedAt when the state began
 * @param endedAt when it ended, null for the open (current) row
 */
public record AgentStateHistoryRow(
    long userId,
    String state,
    String reason,
    List<String> queues,
    Instant startedAt,
    Instant endedAt) {}
