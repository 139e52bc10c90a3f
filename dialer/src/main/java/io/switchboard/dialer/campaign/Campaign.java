package io.switchboard.dialer.campaign;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored campaign: its settings, status and optimistic-locking version. Immutable.
 *
 * @param createdBy the user who created it, null when unknown
 */
public record Campaign(
    long id,
    CampaignSettings settings,
    CampaignStatus status,
    int version,
    Long createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public Campaign {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(status, "status");
  }
}
