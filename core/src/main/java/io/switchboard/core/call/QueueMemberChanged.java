package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A queue member changed ({@value CallAddresses#QUEUE_MEMBER_CHANGED}), for the supervisor console
 * and agent state. Carries the member's whole state after the change.
 *
 * @param serverId configured id of the Asterisk server
 * @param queue the queue's name
 * @param memberName the member's name ({@code MemberName}, or {@code Name} in {@code QueueStatus})
 * @param memberInterface the member's interface ({@code Interface}, or {@code Location} in {@code
 *     QueueStatus}); with the queue, the member's key
 * @param stateInterface the device whose state the queue follows, empty when not given
 * @param change what happened
 * @param status device status: 0 unknown, 1 not in use, 2 in use, 3 busy, 4 invalid, 5 unavailable,
 *     6 ringing, 7 ring in use, 8 on hold
 * @param paused whether the member is paused
 * @param pausedReason the pause reason, empty when none
 * @param inCall whether the member is on a queue call
 * @param callsTaken calls the member took from this queue
 * @param penalty the member's penalty
 * @param at when the change was seen
 */
public record QueueMemberChanged(
    String serverId,
    String queue,
    String memberName,
    String memberInterface,
    String stateInterface,
    QueueMemberChange change,
    int status,
    boolean paused,
    String pausedReason,
    boolean inCall,
    int callsTaken,
    int penalty,
    Instant at)
    implements PbxEvent {

  @Override
  public String address() {
    return CallAddresses.QUEUE_MEMBER_CHANGED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("serverId", serverId)
        .put("queue", queue)
        .put("memberName", memberName)
        .put("memberInterface", memberInterface)
        .put("stateInterface", stateInterface)
        .put("change", change.wire())
        .put("status", status)
        .put("paused", paused)
        .put("pausedReason", pausedReason)
        .put("inCall", inCall)
        .put("callsTaken", callsTaken)
        .put("penalty", penalty)
        .put("at", JsonFields.instant(at));
  }

  /** The event from its {@link #toJson()} form. */
  public static QueueMemberChanged fromJson(JsonObject json) {
    return new QueueMemberChanged(
        JsonFields.required(json, "serverId"),
        JsonFields.required(json, "queue"),
        JsonFields.text(json, "memberName"),
        JsonFields.required(json, "memberInterface"),
        JsonFields.text(json, "stateInterface"),
        QueueMemberChange.fromWire(JsonFields.required(json, "change")),
        (int) JsonFields.count(json, "status"),
        JsonFields.flag(json, "paused"),
        JsonFields.text(json, "pausedReason"),
        JsonFields.flag(json, "inCall"),
        (int) JsonFields.count(json, "callsTaken"),
        (int) JsonFields.count(json, "penalty"),
        JsonFields.instant(json, "at"));
  }
}
