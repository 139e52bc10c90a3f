package io.switchboard.agentws.call;

import java.time.Instant;

/**
 * A click-to-dial sent to the PBX whose result the agent has not been told yet.
 *
 * @param originateId the id in the Originate's {@code ChannelId} and variables
 * @param userId the agent who dialled
 * @param agentInterface the agent's phone, rung first
 * @param customerId the CRM customer being called, or null
 * @param sentAt when the Originate was sent
 */
public record PendingDial(
    String originateId, long userId, String agentInterface, Long customerId, Instant sentAt) {}
