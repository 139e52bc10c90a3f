package io.switchboard.dialer.campaign;

import java.util.Locale;

/**
 * Where a campaign is in its life: drafted, dialling, paused, or finished for good. Only drafts and
 * paused campaigns may be edited; a finished one only keeps its records.
 */
public enum CampaignStatus {
  DRAFT,
  RUNNING,
  PAUSED,
  FINISHED;

  /** The name in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status of a wire name, or null when there is none. */
  public static CampaignStatus fromWire(String name) {
    for (CampaignStatus status : values()) {
      if (status.wireName().equals(name)) {
        return status;
      }
    }
    return null;
  }

  /** Whether the settings may change in this status (a running campaign is paused first). */
  public boolean editable() {
    return this == DRAFT || this == PAUSED;
  }
}
