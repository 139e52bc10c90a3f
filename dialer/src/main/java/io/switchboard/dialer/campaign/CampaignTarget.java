package io.switchboard.dialer.campaign;

import java.util.Objects;

/**
 * Where a campaign's answered calls go: an Asterisk queue or an agent group (exactly one).
 * Immutable.
 */
public record CampaignTarget(Kind kind, String name) {

  /** What the name names. */
  public enum Kind {
    QUEUE,
    AGENT_GROUP
  }

  public CampaignTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static CampaignTarget queue(String name) {
    return new CampaignTarget(Kind.QUEUE, name);
  }

  public static CampaignTarget agentGroup(String name) {
    return new CampaignTarget(Kind.AGENT_GROUP, name);
  }
}
