package io.switchboard.dialer.lead;

import java.time.Instant;

/**
 * One dial of a lead as the history keeps it. Immutable.
 *
 * @param attempt the lead's attempt number, from 1
 * @param abandonedAt when the 2 s grace ran out and the abandon message began; null unless the call
 *     was abandoned
 * @param outcome null while the call is still under way
 * @param amdVerdict null when AMD did not run or had not decided
 * @param reason the hangup cause or why the attempt ended, "" when none
 */
public record LeadAttempt(
    long id,
    long leadId,
    long campaignId,
    int attempt,
    Instant startedAt,
    Instant answeredAt,
    Instant abandonedAt,
    Instant endedAt,
    AttemptOutcome outcome,
    AmdVerdict amdVerdict,
    String reason,
    Long agentUserId) {}
