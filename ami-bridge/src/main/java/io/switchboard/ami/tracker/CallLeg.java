package io.switchboard.ami.tracker;

import java.time.Instant;

/**
 * One channel of a finished call, as stored in {@code call_log_legs}.
 *
 * @param uniqueId the channel's Uniqueid
 * @param channel the channel's name
 * @param role caller, agent, transfer or other
 * @param rangAt when the channel was dialled or offered, or null
 * @param answeredAt when the channel answered, or null
 * @param endedAt when the channel hung up (estimated for reconciled calls), or null
 * @param hangupCause the Q.850 cause of its Hangup, or null
 */
public record CallLeg(
    String uniqueId,
    String channel,
    LegRole role,
    Instant rangAt,
    Instant answeredAt,
    Instant endedAt,
    Integer hangupCause) {}
