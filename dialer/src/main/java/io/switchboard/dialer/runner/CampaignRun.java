package io.switchboard.dialer.runner;

import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignMode;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.CampaignTarget;
import io.switchboard.dialer.pacing.AgentState;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.pacing.PacingPolicy;
import io.switchboard.dialer.pacing.PacingTracker;
import io.switchboard.dialer.pacing.PredictivePolicy;
import io.switchboard.dialer.pacing.PredictiveSettings;
import io.switchboard.dialer.pacing.ProgressivePolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One running campaign as the runner holds it: its pacing policy and the tracker that rebuilds its
 * calls and agents, and its dials under way by originate id (at most {@code maxCalls}). Mutable;
 * touched only on the runner's context (policies are single-threaded).
 */
final class CampaignRun {

  final long campaignId;
  final PacingPolicy policy;
  final PacingTracker tracker = new PacingTracker();
  final Map<String, DialAttempt> calls = new LinkedHashMap<>();
  Campaign campaign;

  /** A pick of leads or a finish check is in flight: the next tick waits for it. */
  boolean busy;

  /** The last pick found no dialable lead (the campaign may be exhausted). */
  boolean nothingDue;

  /** Agent-group campaigns: the group's members as last read ({@link GroupHandoff}). */
  Set<Long> members = Set.of();

  private CampaignRun(Campaign campaign, PacingPolicy policy) {
    this.campaignId = campaign.id();
    this.campaign = campaign;
    this.policy = policy;
  }

  /**
   * A run for a running campaign.
   *
   * @throws IllegalStateException naming why the runner cannot dial it (preview mode for an agent
   *     group)
   * @throws io.switchboard.dialer.pacing.PacingRefusedException when predictive pacing cannot keep
   *     the campaign's abandon budget
   */
  static CampaignRun start(Campaign campaign, Duration grace) {
    CampaignSettings settings = campaign.settings();
    if (settings.target().kind() != CampaignTarget.Kind.QUEUE
        && settings.mode() == CampaignMode.PREVIEW) {
      throw new IllegalStateException(
          "campaign "
              + campaign.id()
              + " is a preview campaign for an agent group; preview mode offers leads to queue"
              + " members only");
    }
    PacingPolicy policy =
        switch (settings.mode()) {
          case PROGRESSIVE -> new ProgressivePolicy();
          case PREDICTIVE -> PredictivePolicy.create(predictive(settings, grace));
          // Agents confirm each dial (PreviewDialer); the policy only follows the events.
          case PREVIEW -> new ProgressivePolicy();
        };
    return new CampaignRun(campaign, policy);
  }

  private static PredictiveSettings predictive(CampaignSettings settings, Duration grace) {
    PredictiveSettings defaults = PredictiveSettings.defaults();
    return new PredictiveSettings(
        settings.accounting(),
        settings.abandonRateTarget(),
        settings.amdEnabled(),
        settings.amdFalsePositiveEstimate(),
        defaults.targetFraction(),
        grace.toMillis() / 1000.0,
        defaults.initialRisk(),
        defaults.gain(),
        defaults.maximumLinesPerAgent());
  }

  /** The queue that takes the campaign's answered calls (for an agent group: the group's name). */
  String queue() {
    return campaign.settings().target().name();
  }

  /** Whether the campaign's answered calls go to an agent group ({@link GroupHandoff}). */
  boolean forAgentGroup() {
    return campaign.settings().target().kind() == CampaignTarget.Kind.AGENT_GROUP;
  }

  /** Whether the agent takes the campaign's calls: a queue's member, or a group's in any queue. */
  boolean serves(AgentRoster.Agent agent) {
    if (agent == null) {
      return false;
    }
    return forAgentGroup()
        ? agent.state() != AgentState.LOGGED_OUT && members.contains(agent.userId())
        : agent.serves(queue());
  }

  CampaignMode mode() {
    return campaign.settings().mode();
  }

  /** Feeds one event to the tracker, then to the policy (the order the policy expects). */
  void feed(PacingEvent event) {
    tracker.on(event);
    policy.on(event);
  }
}
