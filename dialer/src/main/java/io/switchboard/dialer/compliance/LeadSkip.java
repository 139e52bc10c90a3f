package io.switchboard.dialer.compliance;

import java.time.Instant;

/**
 * One entry of the skip log: the compliance check refused to dial a lead. Immutable.
 *
 * @param until when the lead may be tried again; null when the refusal finished it
 */
public record LeadSkip(
    long id,
    long leadId,
    long campaignId,
    Instant at,
    SkipReason reason,
    String detail,
    Instant until) {}
