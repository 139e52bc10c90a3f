package io.switchboard.dialer.campaign;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A move of a campaign's status that a supervisor asks for, with the statuses it may start from:
 * start (draft or paused to running), pause (running to paused), finish (anything but finished to
 * finished; there is no way back).
 */
public enum StatusChange {
  START(EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.PAUSED), CampaignStatus.RUNNING),
  PAUSE(EnumSet.of(CampaignStatus.RUNNING), CampaignStatus.PAUSED),
  FINISH(
      EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.RUNNING, CampaignStatus.PAUSED),
      CampaignStatus.FINISHED);

  private final Set<CampaignStatus> from;
  private final CampaignStatus to;

  StatusChange(Set<CampaignStatus> from, CampaignStatus to) {
    this.from = from;
    this.to = to;
  }

  /** The statuses this change may start from. */
  public Set<CampaignStatus> from() {
    return from;
  }

  /** The status it leads to. */
  public CampaignStatus to() {
    return to;
  }

  /** The verb in the route ({@code /campaigns/:id/start}). */
  public String verb() {
    return name().toLowerCase(Locale.ROOT);
  }
}
