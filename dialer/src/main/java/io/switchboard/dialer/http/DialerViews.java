package io.switchboard.dialer.http;

import io.switchboard.core.http.Page;
import io.switchboard.dialer.campaign.Exclusion;
import io.switchboard.dialer.compliance.LeadSkip;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadAttempt;
import io.switchboard.dialer.lead.LeadList;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON the dialer's routes answer with. Numbers appear whole: every dialer route is for
 * supervisors and admins, who see numbers whole in the CRM too. Stateless.
 */
final class DialerViews {

  private DialerViews() {}

  static <T> JsonObject page(Page<T> page, Function<T, JsonObject> view) {
    return new JsonObject()
        .put("items", items(page.items(), view))
        .put("nextAfter", page.nextAfter());
  }

  static <T> JsonArray items(List<T> items, Function<T, JsonObject> view) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(view.apply(item)));
    return array;
  }

  static JsonObject lead(Lead lead) {
    return new JsonObject()
        .put("id", lead.id())
        .put("campaignId", lead.campaignId())
        .put("listId", lead.listId())
        .put("phone", lead.e164())
        .put("name", lead.name())
        .put("externalId", lead.externalId())
        .put("timeZone", lead.timeZone().map(Object::toString).orElse(null))
        .put("customerId", lead.customerId())
        .put("status", lead.status().wireName())
        .put("finalState", lead.finalState() == null ? null : lead.finalState().wireName())
        .put("attempts", lead.attempts())
        .put(
            "outcomes",
            new JsonObject()
                .put("busy", lead.outcomes().busy())
                .put("noAnswer", lead.outcomes().noAnswer())
                .put("machine", lead.outcomes().machine())
                .put("failed", lead.outcomes().failed())
                .put("abandoned", lead.outcomes().abandoned()))
        .put("lastOutcome", lead.lastOutcome() == null ? null : lead.lastOutcome().wireName())
        .put("lastAttemptAt", time(lead.lastAttemptAt()))
        .put("nextAttemptAt", time(lead.nextAttemptAt()))
        .put("callback", lead.callback())
        .put("createdAt", time(lead.createdAt()));
  }

  static JsonObject list(LeadList list) {
    return new JsonObject()
        .put("id", list.id())
        .put("campaignId", list.campaignId())
        .put("name", list.name())
        .put("rows", list.rowsRead())
        .put("imported", list.imported())
        .put("failed", list.failed())
        .put("createdBy", list.createdBy())
        .put("createdAt", time(list.createdAt()));
  }

  static JsonObject attempt(LeadAttempt attempt) {
    return new JsonObject()
        .put("id", attempt.id())
        .put("leadId", attempt.leadId())
        .put("campaignId", attempt.campaignId())
        .put("attempt", attempt.attempt())
        .put("startedAt", time(attempt.startedAt()))
        .put("answeredAt", time(attempt.answeredAt()))
        .put("abandonedAt", time(attempt.abandonedAt()))
        .put("endedAt", time(attempt.endedAt()))
        .put("outcome", attempt.outcome() == null ? null : attempt.outcome().wireName())
        .put("abandoned", attempt.abandonedAt() != null)
        .put("amdVerdict", attempt.amdVerdict() == null ? null : attempt.amdVerdict().wireName())
        .put("reason", attempt.reason())
        .put("agentUserId", attempt.agentUserId());
  }

  static JsonObject skip(LeadSkip skip) {
    return new JsonObject()
        .put("id", skip.id())
        .put("leadId", skip.leadId())
        .put("campaignId", skip.campaignId())
        .put("at", time(skip.at()))
        .put("reason", skip.reason().wireName())
        .put("detail", skip.detail())
        .put("until", time(skip.until()));
  }

  static JsonObject exclusion(Exclusion exclusion) {
    return new JsonObject()
        .put("campaignId", exclusion.campaignId())
        .put("phone", exclusion.e164())
        .put("reason", exclusion.reason())
        .put("addedBy", exclusion.addedBy())
        .put("addedAt", time(exclusion.addedAt()));
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
