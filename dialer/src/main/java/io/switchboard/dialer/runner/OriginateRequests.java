package io.switchboard.dialer.runner;

import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.call.OriginateIds;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignSettings;
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
            .put(AmiActionFields.EXTEN, c.target().name())
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
