package io.switchboard.core.call;

/**
 * Event-bus addresses on which the AMI bridge publishes call and queue changes; every message is a
 * {@link PbxEvent} as JSON. Published (not sent), so any number of consumers may listen.
 */
public final class CallAddresses {

  /** {@link CallCreated}: the first channel of a new call appeared. */
  public static final String CALL_CREATED = "call.created";

  /** {@link CallQueued}: the caller entered a queue. */
  public static final String CALL_QUEUED = "call.queued";

  /** {@link CallOffered}: a queue rang an agent for the call. */
  public static final String CALL_OFFERED = "call.offered";

  /** {@link CallAnswered}: a person (an agent, the dialled party, the called customer) answered. */
  public static final String CALL_ANSWERED = "call.answered";

  /** {@link CallTransferred}: a blind or attended transfer was attempted. */
  public static final String CALL_TRANSFERRED = "call.transferred";

  /** {@link CallEnded}: the last channel of the call hung up; its call log follows. */
  public static final String CALL_ENDED = "call.ended";

  /** {@link QueueMemberChanged}: a queue member was added, removed, paused or changed state. */
  public static final String QUEUE_MEMBER_CHANGED = "queue.member.changed";

  /** {@link QueueCallerChanged}: a caller joined, left or abandoned a queue. */
  public static final String QUEUE_CALLER_CHANGED = "queue.caller.changed";

  private CallAddresses() {}
}
