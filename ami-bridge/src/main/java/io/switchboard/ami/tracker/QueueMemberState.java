package io.switchboard.ami.tracker;

import java.time.Instant;

/**
 * One member of one queue as last reported by Asterisk, for the console's snapshot.
 *
 * @param queue the queue's name
 * @param memberName the member's name
 * @param memberInterface the member's interface, its key within the queue
 * @param stateInterface the device the queue watches, empty when not given
 * @param status device status, 0 unknown ... 8 on hold (reference/ami-protocol.md 1.8)
 * @param paused whether the member is paused
 * @param pausedReason the pause reason, empty when none
 * @param inCall whether the member is on a queue call
 * @param callsTaken calls taken from this queue
 * @param penalty the member's penalty
 * @param updatedAt when the tracker last heard of the member
 */
public record QueueMemberState(
    String queue,
    String memberName,
    String memberInterface,
    String stateInterface,
    int status,
    boolean paused,
    String pausedReason,
    boolean inCall,
    int callsTaken,
    int penalty,
    Instant updatedAt) {}
