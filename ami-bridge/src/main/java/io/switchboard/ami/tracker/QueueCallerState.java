package io.switchboard.ami.tracker;

import java.time.Instant;

/**
 * One caller waiting in a queue, for the console's snapshot.
 *
 * @param queue the queue's name
 * @param uniqueId the caller's channel Uniqueid
 * @param linkedId the caller's call
 * @param callId Switchboard's id of the call, or null when it is not tracked
 * @param channel the caller's channel name
 * @param callerNumber caller ID number, empty when unknown
 * @param callerName caller ID name, empty when unknown
 * @param position position when it joined (1 first)
 * @param joinedAt when it joined (estimated from {@code Wait} after a resync)
 */
public record QueueCallerState(
    String queue,
    String uniqueId,
    String linkedId,
    String callId,
    String channel,
    String callerNumber,
    String callerName,
    int position,
    Instant joinedAt) {}
