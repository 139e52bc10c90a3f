package io.switchboard.agentws.wallboard;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.call.CallTransferred;
import io.switchboard.core.call.QueueCallerChange;
import io.switchboard.core.call.QueueCallerChanged;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.call.QueueMemberChanged;
import io.switchboard.core.call.TransferKind;
import java.time.Instant;
import java.util.List;

/** Call, queue and agent events as the AMI bridge and the agent-state owner publish them. */
public final class WallboardEvents {

  public static final String SERVER = "pbx1";

  private WallboardEvents() {}

  public static String caller(String linkedId) {
    return "+4930" + linkedId.replaceAll("[^0-9]", "");
  }

  public static CallCreated created(String linkedId, Instant at) {
    return new CallCreated(
        SERVER,
        linkedId,
        "call-" + linkedId,
        CallDirection.INBOUND,
        caller(linkedId),
        "Caller",
        "4000",
        "PJSIP/trunk-" + linkedId,
        null,
        at);
  }

  public static CallQueued queued(String linkedId, String queue, Instant at) {
    return new CallQueued(
        SERVER, linkedId, "call-" + linkedId, queue, 1, caller(linkedId), "Caller", null, at);
  }

  public static CallOffered offered(String linkedId, String queue, String phone, Instant at) {
    return new CallOffered(
        SERVER,
        linkedId,
        "call-" + linkedId,
        queue,
        phone,
        "Agent",
        phone + "-00000001",
        caller(linkedId),
        "Caller",
        at);
  }

  public static CallAnswered answered(
      String linkedId, String queue, String phone, Instant at, long waitMs) {
    return new CallAnswered(
        SERVER,
        linkedId,
        "call-" + linkedId,
        CallDirection.INBOUND,
        caller(linkedId),
        "Caller",
        "4000",
        queue,
        phone,
        "Agent",
        phone + "-00000001",
        null,
        at,
        waitMs);
  }

  /** An answered queue call that ends at {@code endedAt}. */
  public static CallEnded endedAnswered(
      String linkedId,
      String queue,
      String phone,
      Instant answeredAt,
      Instant endedAt,
      long waitMs,
      long talkMs,
      long holdMs) {
    return ended(
        linkedId,
        queue,
        phone,
        CallOutcome.ANSWERED,
        answeredAt,
        endedAt,
        waitMs,
        talkMs,
        holdMs,
        null);
  }

  /** A caller who hung up while waiting in {@code queue} for {@code waitMs}. */
  public static CallEnded abandoned(String linkedId, String queue, Instant endedAt, long waitMs) {
    return ended(linkedId, queue, null, CallOutcome.ABANDONED, null, endedAt, waitMs, 0, 0, null);
  }

  public static CallEnded ended(
      String linkedId,
      String queue,
      String phone,
      CallOutcome outcome,
      Instant answeredAt,
      Instant endedAt,
      long waitMs,
      long talkMs,
      long holdMs,
      String mergedIntoCallId) {
    return new CallEnded(
        SERVER,
        linkedId,
        "call-" + linkedId,
        CallDirection.INBOUND,
        outcome,
        16,
        null,
        caller(linkedId),
        "Caller",
        "4000",
        queue,
        phone,
        phone == null ? null : "Agent",
        null,
        endedAt.minusMillis(waitMs + talkMs + holdMs),
        answeredAt,
        endedAt,
        waitMs,
        talkMs,
        holdMs,
        null,
        null,
        false,
        mergedIntoCallId);
  }

  public static CallTransferred attendedTransfer(
      String linkedId, String consultationLinkedId, Instant at) {
    return new CallTransferred(
        SERVER,
        linkedId,
        "call-" + linkedId,
        TransferKind.ATTENDED,
        "PJSIP/1001-00000001",
        "PJSIP/1002-00000003",
        true,
        "call-" + consultationLinkedId,
        at);
  }

  public static QueueCallerChanged waiting(
      String queue, String uniqueId, QueueCallerChange change, Instant at, long waitMs) {
    return new QueueCallerChanged(
        SERVER,
        queue,
        "L-" + uniqueId,
        "call-L-" + uniqueId,
        uniqueId,
        "PJSIP/trunk-" + uniqueId,
        "+49301234",
        "Caller",
        1,
        change,
        waitMs,
        at);
  }

  public static QueueMemberChanged member(String queue) {
    return new QueueMemberChanged(
        SERVER,
        queue,
        "Agent",
        "PJSIP/1001",
        "",
        QueueMemberChange.ADDED,
        1,
        false,
        "",
        false,
        0,
        0,
        Instant.EPOCH);
  }

  public static AgentState agent(
      long userId, AgentStatus status, String phone, List<String> queues, Instant since) {
    return new AgentState(
        userId,
        status,
        status == AgentStatus.PAUSED ? "lunch" : null,
        status == AgentStatus.LOGGED_OUT ? null : phone,
        status == AgentStatus.LOGGED_OUT ? List.of() : queues,
        since,
        null,
        null,
        null);
  }

  public static AgentState onCall(
      long userId, String phone, List<String> queues, Instant since, String linkedId) {
    return new AgentState(
        userId, AgentStatus.ON_CALL, null, phone, queues, since, linkedId, queues.get(0), null);
  }
}
