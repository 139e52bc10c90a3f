package io.switchboard.dialer.persistence;

import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.dialer.compliance.DialCompliance;
import java.time.Clock;

/** Every dialer repository over one pool. Immutable. */
public record DialerRepositories(
    CampaignRepository campaigns,
    ExclusionRepository exclusions,
    LeadRepository leads,
    LeadAttemptRepository attempts,
    LeadSelectionRepository selection,
    FiguresRepository figures,
    AgentGroupRepository groups) {

  /** The repositories over the node's pool; the selection checks leads with {@code compliance}. */
  public static DialerRepositories over(
      PostgresDatabase database, DialCompliance compliance, Clock clock) {
    return new DialerRepositories(
        new CampaignRepository(database.pool()),
        new ExclusionRepository(database.pool()),
        new LeadRepository(database.pool()),
        new LeadAttemptRepository(database.pool()),
        new LeadSelectionRepository(database.pool(), compliance, clock),
        new FiguresRepository(database.pool()),
        new AgentGroupRepository(database.pool()));
  }
}
