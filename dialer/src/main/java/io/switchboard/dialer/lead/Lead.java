package io.switchboard.dialer.lead;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One number a campaign dials, with its attempt history in summary (the full history is in its
 * attempts). Immutable.
 *
 * @param timeZone the callee's zone when the list gave one or the number has exactly one; empty
 *     when the number spans several zones (compliance then takes the most restrictive)
 * @param customerId the CRM customer with this number, null when none (or several) matched
 * @param finalState why the lead is done, null until it is
 * @param lastOutcome the outcome of the latest finished attempt, null before the first
 * @param nextAttemptAt when the lead may next be dialled
 * @param callback whether {@code nextAttemptAt} is a callback the callee asked for (due callbacks
 *     are dialled first)
 */
public record Lead(
    long id,
    long campaignId,
    long listId,
    String e164,
    String name,
    String externalId,
    Optional<ZoneId> timeZone,
    Long customerId,
    LeadStatus status,
    FinalState finalState,
    int attempts,
    OutcomeCounts outcomes,
    AttemptOutcome lastOutcome,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    boolean callback,
    Instant createdAt) {

  public Lead {
    Objects.requireNonNull(e164, "e164");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(outcomes, "outcomes");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }
}
