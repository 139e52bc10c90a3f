package io.switchboard.agentws.agent;

import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.call.QueueMemberChanged;
import java.time.Instant;

/** Call and queue-member events as the AMI bridge publishes them, for tests. */
public final class AgentEvents {

  public static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private AgentEvents() {}

  public static CallOffered offered(String linkedId, String queue, String agentInterface) {
    return new CallOffered(
        "pbx1",
        linkedId,
        "call-" + linkedId,
        queue,
        agentInterface,
        "Agent",
        agentInterface + "-0001",
        "+8613800138000",
        "Caller",
        T0);
  }

  public static CallAnswered answered(String linkedId, String queue, String agentInterface) {
    return new CallAnswered(
        "pbx1",
        linkedId,
        "call-" + linkedId,
        CallDirection.INBOUND,
        "+8613800138000",
        "Caller",
        "4000",
        queue,
        agentInterface,
        "Agent",
        agentInterface + "-0001",
        null,
        T0,
        12_000);
  }

  public static CallEnded ended(String linkedId, String queue, String agentInterface) {
    return new CallEnded(
        "pbx1",
        linkedId,
        "call-" + linkedId,
        CallDirection.INBOUND,
        agentInterface == null ? CallOutcome.ABANDONED : CallOutcome.ANSWERED,
        16,
        null,
        "+8613800138000",
        "Caller",
        "4000",
        queue,
        agentInterface,
        "Agent",
        null,
        T0,
        agentInterface == null ? null : T0,
        T0,
        0,
        0,
        0,
        null,
        null,
        false,
        null);
  }

  public static QueueMemberChanged member(
      String queue,
      String agentInterface,
      QueueMemberChange change,
      boolean paused,
      String reason) {
    return new QueueMemberChanged(
        "pbx1", queue, "Agent", agentInterface, "", change, 1, paused, reason, false, 0, 0, T0);
  }
}
