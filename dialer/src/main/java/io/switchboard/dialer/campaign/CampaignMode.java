package io.switchboard.dialer.campaign;

import java.util.Locale;

/** How a campaign dials: the agent first (preview), one call per free agent, or paced ahead. */
public enum CampaignMode {
  /** The agent sees the lead and confirms before the dial (not built yet: no runner). */
  PREVIEW,
  /** One call per free agent: no abandonment by design, low occupancy. */
  PROGRESSIVE,
  /** Calls ahead of free agents, paced by the predictive policy within the abandon budget. */
  PREDICTIVE;

  /** The name in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode of a wire name, or null when there is none. */
  public static CampaignMode fromWire(String name) {
    for (CampaignMode mode : values()) {
      if (mode.wireName().equals(name)) {
        return mode;
      }
    }
    return null;
  }
}
