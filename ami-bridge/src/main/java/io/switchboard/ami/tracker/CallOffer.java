package io.switchboard.ami.tracker;

import java.time.Instant;

/**
 * One agent a queue rang for a finished call, as stored in {@code call_log_offers}.
 *
 * @param queue the queue that rang the agent
 * @param memberName the member's name
 * @param agentInterface the member's interface
 * @param agentUniqueId Uniqueid of the channel that rang the agent
 * @param agentChannel name of that channel
 * @param offeredAt when it started ringing
 * @param ringMs how long it rang
 * @param result how the offer ended
 */
public record CallOffer(
    String queue,
    String memberName,
    String agentInterface,
    String agentUniqueId,
    String agentChannel,
    Instant offeredAt,
    long ringMs,
    OfferResult result) {}
