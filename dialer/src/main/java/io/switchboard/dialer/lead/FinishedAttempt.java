package io.switchboard.dialer.lead;

import java.time.Instant;
import java.util.Objects;

/**
 * A dial as the runner reports it when the call is over. Immutable.
 *
 * @param answeredAt when a person or machine answered; null when nobody did
 * @param abandonedAt when the 2 s grace ran out and the abandon message began; null unless
 *     abandoned
 * @param amdVerdict AMD's verdict, null when it did not run
 * @param reason the hangup cause or why the attempt ended, "" when none
 * @param agentUserId the agent who took the call, null when none did
 * @param originateId the originate id the runner tagged the call with, null when none
 */
public record FinishedAttempt(
    long leadId,
    Instant startedAt,
    Instant answeredAt,
    Instant abandonedAt,
    Instant endedAt,
    AttemptOutcome outcome,
    AmdVerdict amdVerdict,
    String reason,
    Long agentUserId,
    String originateId) {

  public FinishedAttempt {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }
}
