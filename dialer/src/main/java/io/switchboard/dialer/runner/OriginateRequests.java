package io.switchboard.dialer.runner;

import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.call.OriginateIds;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.CampaignTarget;
import io.switchboard.dialer.lead.Lead;
import io.vertx.core.json.JsonObject;

/**
 * The async Originate the runner sends for one dial ({@code ami.action.originate}): the lead's
 * number through {@link RunnerSettings#channelFor}, then the campaign's queue as the extension in
 * the dialer context (the AMD context when AMD is on), the campaign's caller id, the ring limit as
 * the timeout, and variables that carry the ids and the abandon message. Pure.
 */
final class OriginateRequests {

  static final String LEAD_ID = "SWITCHBOARD_LEAD_ID";
  static final String CAMPAIGN_ID = "SWITCHBOARD_CAMPAIGN_ID";
  static final String ATTEMPT_ID = "SWITCHBOARD_ATTEMPT_ID";
  static final String ABANDON_MESSAGE = "SWITCHBOARD_ABANDON_MESSAGE";
  static final String AGENT_USER_ID = "SWITCHBOARD_AGENT_USER_ID";
  static final String CUSTOMER_ID = "SWITCHBOARD_CUSTOMER_ID";
  static final String CALLER_ID = "SWITCHBOARD_CALLER_ID";
  static final String RING_SECONDS = "SWITCHBOARD_RING_SECONDS";

  private OriginateRequests() {}

  static JsonObject originate(
      RunnerSettings settings, Campaign campaign, Lead lead, String originateId) {
    CampaignSettings c = campaign.settings();
    JsonObject variables =
        new JsonObject()
            .put(OriginateIds.VARIABLE, originateId)
            .put(LEAD_ID, Long.toString(lead.id()))
            .put(CAMPAIGN_ID, Long.toString(campaign.id()))
            .put(ATTEMPT_ID, originateId)
            .put(ABANDON_MESSAGE, c.abandonMessage());
    JsonObject request =
        new JsonObject()
            .put(AmiActionFields.CHANNEL, settings.channelFor(lead.e164()))
            .put(
                AmiActionFields.CONTEXT,
                c.amdEnabled() ? settings.amdContext() : settings.context())
            .put(
                AmiActionFields.EXTEN,
                c.target().kind() == CampaignTarget.Kind.QUEUE
                    ? c.target().name()
                    : settings.groupQueue())
            .put(AmiActionFields.PRIORITY, 1)
            .put(AmiActionFields.CALLER_ID, c.callerId())
            .put(AmiActionFields.TIMEOUT_MS, c.ringLimitSeconds() * 1000L)
            .put(AmiActionFields.VARIABLES, variables)
            .put(AmiActionFields.CHANNEL_ID, OriginateIds.channelId(originateId));
    if (settings.server() != null) {
      request.put(AmiActionFields.SERVER, settings.server());
    }
    return request;
  }

  /**
   * A preview dial the agent confirmed: rings the agent's phone ({@code agentInterface}) first;
   * once it answers, {@link RunnerSettings#previewContext()} dials the lead's number (the
   * extension) with the campaign's caller id ({@code SWITCHBOARD_CALLER_ID}, also the Originate's
   * caller id) for the ring limit ({@code SWITCHBOARD_RING_SECONDS}, also how long the agent's
   * phone rings). The ids are those of {@link #originate}, plus the agent and the lead's customer.
   */
  static JsonObject preview(
      RunnerSettings settings,
      Campaign campaign,
      Lead lead,
      String originateId,
      long agentUserId,
      String agentInterface) {
    CampaignSettings c = campaign.settings();
    JsonObject variables =
        new JsonObject()
            .put(OriginateIds.VARIABLE, originateId)
            .put(LEAD_ID, Long.toString(lead.id()))
            .put(CAMPAIGN_ID, Long.toString(campaign.id()))
            .put(ATTEMPT_ID, originateId)
            .put(AGENT_USER_ID, Long.toString(agentUserId))
            .put(CALLER_ID, c.callerId())
            .put(RING_SECONDS, Integer.toString(c.ringLimitSeconds()));
    if (lead.customerId() != null) {
      variables.put(CUSTOMER_ID, Long.toString(lead.customerId()));
    }
    JsonObject request =
        new JsonObject()
            .put(AmiActionFields.CHANNEL, agentInterface)
            .put(AmiActionFields.CONTEXT, settings.previewContext())
            .put(AmiActionFields.EXTEN, lead.e164())
            .put(AmiActionFields.PRIORITY, 1)
            .put(AmiActionFields.CALLER_ID, c.callerId())
            .put(AmiActionFields.TIMEOUT_MS, c.ringLimitSeconds() * 1000L)
            .put(AmiActionFields.VARIABLES, variables)
            .put(AmiActionFields.CHANNEL_ID, OriginateIds.channelId(originateId));
    if (settings.server() != null) {
      request.put(AmiActionFields.SERVER, settings.server());
    }
    return request;
  }
}
