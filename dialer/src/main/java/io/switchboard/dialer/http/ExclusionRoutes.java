package io.switchboard.dialer.http;

import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.dialer.campaign.JsonFieldReader;
import io.switchboard.dialer.persistence.CampaignRepository;
import io.switchboard.dialer.persistence.ExclusionRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * A campaign's exclusions: numbers it never dials, beside the CRM's do-not-call list. Numbers in
 * any usual format, stored in E.164. Handlers run on the event loop and never block.
 */
final class ExclusionRoutes {

  private final CampaignRepository campaigns;
  private final ExclusionRepository exclusions;
  private final PhoneNormalizer phones;

  ExclusionRoutes(
      CampaignRepository campaigns, ExclusionRepository exclusions, PhoneNormalizer phones) {
    this.campaigns = campaigns;
    this.exclusions = exclusions;
    this.phones = phones;
  }

  void mount(GuardedRoutes routes) {
    routes.add(
        HttpMethod.GET, "/campaigns/:id/exclusions", DialerPermission.CAMPAIGN_READ, this::list);
    routes.add(
        HttpMethod.POST, "/campaigns/:id/exclusions", DialerPermission.CAMPAIGN_WRITE, this::add);
    routes.add(
        HttpMethod.DELETE,
        "/campaigns/:id/exclusions/:phone",
        DialerPermission.CAMPAIGN_WRITE,
        this::remove);
  }

  private void list(RoutingContext context) {
    long campaignId = Requests.id(context, "id");
    QueryParams params = new QueryParams(context, Set.of("after", "limit"));
    String after = params.text("after");
    int limit = params.limit();
    params.throwIfInvalid();
    campaigns
        .get(campaignId)
        .compose(campaign -> exclusions.list(campaignId, after, limit))
        .onSuccess(page -> Responses.ok(context, DialerViews.page(page, DialerViews::exclusion)))
        .onFailure(context::fail);
  }

  private void add(RoutingContext context) {
    long campaignId = Requests.id(context, "id");
    long userId = DialerPrincipal.of(context).userId();
    JsonFieldReader in =
        JsonFieldReader.of(Requests.body(context, false)).allowOnly(Set.of("phone", "reason"));
    String raw = in.text("phone", true, PhoneNormalizer.MAX_INPUT_LENGTH);
    String reason = in.text("reason", false, 500);
    String e164 = null;
    if (raw != null) {
      PhoneNormalizer.Result result = phones.normalize(raw);
      if (result.e164().isEmpty()) {
        in.fail("phone", result.problem());
      } else {
        e164 = result.e164().get();
      }
    }
    in.throwIfInvalid();
    String number = e164;
    campaigns
        .get(campaignId)
        .compose(
            campaign -> exclusions.add(campaignId, number, reason == null ? "" : reason, userId))
        .onSuccess(
            exclusion ->
                Responses.created(
                    context,
                    DialerApi.BASE_PATH
                        + "/campaigns/"
                        + campaignId
                        + "/exclusions/"
                        + exclusion.e164(),
                    DialerViews.exclusion(exclusion)))
        .onFailure(context::fail);
  }

  private void remove(RoutingContext context) {
    long campaignId = Requests.id(context, "id");
    String raw = context.pathParam("phone");
    PhoneNormalizer.Result result = phones.normalizeForLookup(raw);
    if (result.e164().isEmpty()) {
      throw SwitchboardException.invalidFields(List.of(new FieldError("phone", result.problem())));
    }
    campaigns
        .get(campaignId)
        .compose(campaign -> exclusions.remove(campaignId, result.e164().get()))
        .onSuccess(done -> Responses.noContent(context))
        .onFailure(context::fail);
  }
}
