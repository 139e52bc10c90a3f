package io.switchboard.dialer.runner;

import io.switchboard.dialer.lead.Lead;
import java.time.Instant;

/**
 * One dial of one lead while it is under way: what the call events said so far. Mutable; touched
 * only on the runner's context.
 */
final class DialAttempt {

  final Lead lead;
  final String originateId;
  final Instant startedAt;
  String channel;
  Instant answeredAt;
  Instant queuedAt;
  Instant bridgedAt;
  Instant abandonedAt;
  Long agentUserId;
  long graceTimer = -1;
  boolean ended;

  /** The pacer was told the call is over (at the abandonment, or at the end). */
  boolean pacingEnded;

  /** Preview mode: the agent who confirmed the dial (its phone rings first); null otherwise. */
  Long previewAgentUserId;

  /** Agent-group campaigns: the member the call was redirected to (reserved for it); or null. */
  Long handoffUserId;

  DialAttempt(Lead lead, String originateId, Instant startedAt) {
    this.lead = lead;
    this.originateId = originateId;
    this.startedAt = startedAt;
  }

  /** The originate id of a dial: campaign, lead and attempt number, unique per attempt. */
  static String originateId(Lead lead) {
    return "c" + lead.campaignId() + "-l" + lead.id() + "-a" + (lead.attempts() + 1);
  }
}
