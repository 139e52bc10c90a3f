package io.switchboard.ami.tracker;

import java.time.Instant;

/**
 * One agent a queue rang for a call ({@code AgentCalled}), with how long it rang and how it ended.
 * Mutable until the call ends; touched only by the owning tracker.
 */
final class AgentOffer {

  final String queue;
  final String memberName;
  final String agentInterface;
  final String agentUniqueId;
  final String agentChannel;
  final Instant offeredAt;
  Long ringMs;
  OfferResult result;

  AgentOffer(
      String queue,
      String memberName,
      String agentInterface,
      String agentUniqueId,
      String agentChannel,
      Instant offeredAt) {
    this.queue = queue;
    this.memberName = memberName;
    this.agentInterface = agentInterface;
    this.agentUniqueId = agentUniqueId;
    this.agentChannel = agentChannel;
    this.offeredAt = offeredAt;
  }

  boolean ringing() {
    return result == null;
  }

  /** Closes a ringing offer; the ring time is Asterisk's when given, else measured here. */
  void close(OfferResult outcome, Long reportedRingMs, Instant now) {
    if (result != null) {
      return;
    }
    result = outcome;
    ringMs =
        reportedRingMs != null
            ? reportedRingMs
            : Math.max(0, now.toEpochMilli() - offeredAt.toEpochMilli());
  }

  CallOffer toRecord() {
    return new CallOffer(
        queue,
        memberName,
        agentInterface,
        agentUniqueId,
        agentChannel,
        offeredAt,
        ringMs == null ? 0 : ringMs,
        result == null ? OfferResult.CANCELLED : result);
  }
}
