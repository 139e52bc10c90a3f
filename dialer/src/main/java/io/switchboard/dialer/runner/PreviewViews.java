package io.switchboard.dialer.runner;

import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.lead.Lead;
import io.vertx.core.json.JsonObject;

/** The JSON of preview offers as consoles see them. Pure. */
final class PreviewViews {

  private PreviewViews() {}

  /**
   * {@code dialer.preview.offer} data: the campaign, the lead (number, name, linked CRM customer),
   * which attempt the dial would be, what the last one did, and until when the offer stands.
   */
  static JsonObject offer(Campaign campaign, PreviewOffers.Offer offer) {
    Lead lead = offer.lead;
    return new JsonObject()
        .put("campaignId", campaign.id())
        .put("campaignName", campaign.settings().name())
        .put("leadId", lead.id())
        .put("name", lead.name())
        .put("number", lead.e164())
        .put("customerId", lead.customerId())
        .put("attempt", lead.attempts() + 1)
        .put("previousAttempts", lead.attempts())
        .put("lastOutcome", lead.lastOutcome() == null ? null : lead.lastOutcome().wireName())
        .put("lastAttemptAt", lead.lastAttemptAt() == null ? null : lead.lastAttemptAt().toString())
        .put("callback", lead.callback())
        .put("offeredAt", offer.offeredAt.toString())
        .put("expiresAt", offer.expiresAt.toString());
  }
}
