package io.switchboard.dialer.http;

import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.dialer.lead.LeadStatus;
import io.switchboard.dialer.persistence.CampaignRepository;
import io.switchboard.dialer.persistence.LeadRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Reads of lead lists, leads, a lead's attempts and its skip log. Handlers run on the event loop
 * and never block.
 */
final class LeadRoutes {

  /** A lead has at most 50 attempts (the campaign limit); this bounds the answer anyway. */
  static final int MAX_ATTEMPTS_LISTED = 100;

  private final CampaignRepository campaigns;
  private final LeadRepository leads;

  LeadRoutes(CampaignRepository campaigns, LeadRepository leads) {
    this.campaigns = campaigns;
    this.leads = leads;
  }

  void mount(GuardedRoutes routes) {
    routes.add(
        HttpMethod.GET, "/campaigns/:id/lead-lists", DialerPermission.CAMPAIGN_READ, this::lists);
    routes.add(HttpMethod.GET, "/campaigns/:id/leads", DialerPermission.CAMPAIGN_READ, this::leads);
    routes.add(HttpMethod.GET, "/leads/:leadId", DialerPermission.CAMPAIGN_READ, this::lead);
    routes.add(
        HttpMethod.GET, "/leads/:leadId/attempts", DialerPermission.CAMPAIGN_READ, this::attempts);
    routes.add(HttpMethod.GET, "/leads/:leadId/skips", DialerPermission.CAMPAIGN_READ, this::skips);
  }

  private void lists(RoutingContext context) {
    long campaignId = Requests.id(context, "id");
    QueryParams params = new QueryParams(context, Set.of("after", "limit"));
    long after = params.afterId();
    int limit = params.limit();
    params.throwIfInvalid();
    campaigns
        .get(campaignId)
        .compose(campaign -> leads.lists(campaignId, after, limit))
        .onSuccess(page -> Responses.ok(context, DialerViews.page(page, DialerViews::list)))
        .onFailure(context::fail);
  }

  private void leads(RoutingContext context) {
    long campaignId = Requests.id(context, "id");
    QueryParams params = new QueryParams(context, Set.of("list", "status", "after", "limit"));
    long list = params.whole("list", 1, Long.MAX_VALUE, 0);
    String statusName = params.text("status");
    LeadStatus status = statusName == null ? null : LeadStatus.fromWire(statusName);
    if (statusName != null && status == null) {
      params.fail("status", "must be one of ready, dialing, done");
    }
    long after = params.afterId();
    int limit = params.limit();
    params.throwIfInvalid();
    campaigns
        .get(campaignId)
        .compose(campaign -> leads.leads(campaignId, list == 0 ? null : list, status, after, limit))
        .onSuccess(page -> Responses.ok(context, DialerViews.page(page, DialerViews::lead)))
        .onFailure(context::fail);
  }

  private void lead(RoutingContext context) {
    new QueryParams(context, Set.of()).throwIfInvalid();
    leads
        .get(Requests.id(context, "leadId"))
        .onSuccess(lead -> Responses.ok(context, DialerViews.lead(lead)))
        .onFailure(context::fail);
  }

  private void attempts(RoutingContext context) {
    long leadId = Requests.id(context, "leadId");
    new QueryParams(context, Set.of()).throwIfInvalid();
    leads
        .get(leadId)
        .compose(lead -> leads.attempts(leadId, MAX_ATTEMPTS_LISTED))
        .onSuccess(
            attempts ->
                Responses.ok(
                    context,
                    new JsonObject()
                        .put("items", DialerViews.items(attempts, DialerViews::attempt))))
        .onFailure(context::fail);
  }

  private void skips(RoutingContext context) {
    long leadId = Requests.id(context, "leadId");
    QueryParams params = new QueryParams(context, Set.of("after", "limit"));
    long after = params.afterId();
    int limit = params.limit();
    params.throwIfInvalid();
    leads
        .get(leadId)
        .compose(lead -> leads.skips(leadId, after, limit))
        .onSuccess(page -> Responses.ok(context, DialerViews.page(page, DialerViews::skip)))
        .onFailure(context::fail);
  }
}
