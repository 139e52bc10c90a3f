package io.switchboard.dialer.campaign;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The JSON form of campaigns, the same shape {@link CampaignInput} reads (so that a PATCH merges
 * into it). Stateless.
 */
public final class CampaignJson {

  private CampaignJson() {}

  /** A stored campaign: its settings plus id, status, version and times. */
  public static JsonObject of(Campaign campaign) {
    return settings(campaign.settings())
        .put("id", campaign.id())
        .put("status", campaign.status().wireName())
        .put("version", campaign.version())
        .put("createdBy", campaign.createdBy())
        .put("createdAt", String.valueOf(campaign.createdAt()))
        .put("updatedAt", String.valueOf(campaign.updatedAt()));
  }

  /** The settings alone, as a create or PATCH body carries them. */
  public static JsonObject settings(CampaignSettings settings) {
    CampaignTarget target = settings.target();
    return new JsonObject()
        .put("name", settings.name())
        .put("mode", settings.mode().wireName())
        .put("queue", target.kind() == CampaignTarget.Kind.QUEUE ? target.name() : null)
        .put("agentGroup", target.kind() == CampaignTarget.Kind.AGENT_GROUP ? target.name() : null)
        .put("callerId", settings.callerId())
        .put("callingWindow", window(settings.callingWindow()))
        .put("retryRules", rules(settings.retryRules()))
        .put("maxAttempts", settings.maxAttempts())
        .put("ringLimitSeconds", settings.ringLimitSeconds())
        .put("abandonRateTarget", settings.abandonRateTarget())
        .put("accounting", settings.accounting().name().toLowerCase(Locale.ROOT))
        .put("abandonMessage", settings.abandonMessage())
        .put(
            "amd",
            new JsonObject()
                .put("enabled", settings.amdEnabled())
                .put("falsePositiveEstimate", settings.amdFalsePositiveEstimate()));
  }

  /** The calling window as {@code {start, end, days}}. */
  public static JsonObject window(CallingWindow window) {
    return new JsonObject()
        .put("start", CallingWindow.format(window.start()))
        .put("end", CallingWindow.format(window.end()))
        .put("days", new JsonArray(window.dayNames()));
  }

  private static JsonObject rules(RetryRules rules) {
    return new JsonObject()
        .put("busy", rule(rules.busy()))
        .put("noAnswer", rule(rules.noAnswer()))
        .put("machine", rule(rules.machine()))
        .put("failed", rule(rules.failed()));
  }

  private static JsonObject rule(RetryRule rule) {
    return new JsonObject()
        .put("delayMinutes", rule.delayMinutes())
        .put("maxAttempts", rule.maxAttempts());
  }
}
