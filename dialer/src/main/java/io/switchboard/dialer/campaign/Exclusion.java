package io.switchboard.dialer.campaign;

import java.time.Instant;

/** A number one campaign never dials. Immutable. */
public record Exclusion(
    long campaignId, String e164, String reason, Long addedBy, Instant addedAt) {}
