package io.switchboard.dialer.http;

import io.switchboard.core.console.VerifiedUser;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignInput;
import io.switchboard.dialer.campaign.CampaignJson;
import io.switchboard.dialer.campaign.CampaignMode;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.CampaignStatus;
import io.switchboard.dialer.campaign.JsonFieldReader;
import io.switchboard.dialer.campaign.StatusChange;
import io.switchboard.dialer.pacing.PacingFeasibility;
import io.switchboard.dialer.pacing.PacingRefusedException;
import io.switchboard.dialer.persistence.CampaignRepository;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Campaigns: list, create, read, change (draft or paused), delete (drafts), and the status changes
 * start, pause and finish. Starting a predictive campaign whose abandon budget cannot be met is
 * refused with the pacing library's reason. Handlers run on the event loop and never block.
 */
final class CampaignRoutes {

  private final CampaignRepository campaigns;
  private final CampaignInput input;

  CampaignRoutes(CampaignRepository campaigns, CampaignInput input) {
    this.campaigns = campaigns;
    this.input = input;
  }

  void mount(GuardedRoutes routes) {
    routes.add(HttpMethod.GET, "/campaigns", DialerPermission.CAMPAIGN_READ, this::list);
    routes.add(HttpMethod.POST, "/campaigns", DialerPermission.CAMPAIGN_WRITE, this::create);
    routes.add(HttpMethod.GET, "/campaigns/:id", DialerPermission.CAMPAIGN_READ, this::read);
    routes.add(HttpMethod.PATCH, "/campaigns/:id", DialerPermission.CAMPAIGN_WRITE, this::change);
    routes.add(HttpMethod.DELETE, "/campaigns/:id", DialerPermission.CAMPAIGN_WRITE, this::delete);
    for (StatusChange change : StatusChange.values()) {
      routes.add(
          HttpMethod.POST,
          "/campaigns/:id/" + change.verb(),
          DialerPermission.CAMPAIGN_WRITE,
          context -> changeStatus(context, change));
    }
  }

  private void list(RoutingContext context) {
    QueryParams params = new QueryParams(context, Set.of("status", "after", "limit"));
    String statusName = params.text("status");
    CampaignStatus status = statusName == null ? null : CampaignStatus.fromWire(statusName);
    if (statusName != null && status == null) {
      params.fail(
          "status",
          "must be one of "
              + Arrays.stream(CampaignStatus.values())
                  .map(CampaignStatus::wireName)
                  .collect(Collectors.joining(", ")));
    }
    long after = params.afterId();
    int limit = params.limit();
    params.throwIfInvalid();
    campaigns
        .list(status, after, limit)
        .onSuccess(page -> Responses.ok(context, DialerViews.page(page, CampaignJson::of)))
        .onFailure(context::fail);
  }

  private void create(RoutingContext context) {
    VerifiedUser user = DialerPrincipal.of(context);
    CampaignSettings settings = input.read(Requests.body(context, false));
    campaigns
        .create(user.userId(), settings)
        .onSuccess(
            campaign ->
                Responses.created(
                    context,
                    DialerApi.BASE_PATH + "/campaigns/" + campaign.id(),
                    CampaignJson.of(campaign)))
        .onFailure(context::fail);
  }

  private void read(RoutingContext context) {
    campaigns
        .get(Requests.id(context, "id"))
        .onSuccess(campaign -> Responses.ok(context, CampaignJson.of(campaign)))
        .onFailure(context::fail);
  }

  /**
   * A PATCH carries any of the settings (nested objects merge, arrays replace) and optionally the
   * {@code version} it was made against; the result is checked whole.
   */
  private void change(RoutingContext context) {
    long id = Requests.id(context, "id");
    JsonObject patch = Requests.body(context, false).copy();
    Integer version = version(patch);
    campaigns
        .get(id)
        .compose(
            current -> {
              if (!current.status().editable()) {
                return Future.failedFuture(CampaignRepository.notEditable(current));
              }
              JsonObject merged = CampaignJson.settings(current.settings()).mergeIn(patch, true);
              CampaignSettings settings = input.read(merged);
              return campaigns.update(id, settings, version != null ? version : current.version());
            })
        .onSuccess(campaign -> Responses.ok(context, CampaignJson.of(campaign)))
        .onFailure(context::fail);
  }

  private void delete(RoutingContext context) {
    campaigns
        .delete(Requests.id(context, "id"))
        .onSuccess(done -> Responses.noContent(context))
        .onFailure(context::fail);
  }

  private void changeStatus(RoutingContext context, StatusChange change) {
    long id = Requests.id(context, "id");
    JsonObject body = Requests.body(context, true).copy();
    Integer version = version(body);
    JsonFieldReader.of(body).allowOnly(Set.of()).throwIfInvalid();
    campaigns
        .get(id)
        .compose(
            current -> {
              if (change == StatusChange.START) {
                refuseInfeasiblePredictive(current);
              }
              return campaigns.changeStatus(
                  id, change, version != null ? version : current.version());
            })
        .onSuccess(campaign -> Responses.ok(context, CampaignJson.of(campaign)))
        .onFailure(context::fail);
  }

  /**
   * Predictive mode may not start where the abandon budget cannot be met (UK accounting with a high
   * AMD false-positive estimate): the pacing library's own check and words.
   */
  private static void refuseInfeasiblePredictive(Campaign campaign) {
    if (campaign.settings().mode() != CampaignMode.PREDICTIVE) {
      return;
    }
    PacingFeasibility feasibility = campaign.settings().predictiveFeasibility();
    if (!feasibility.feasible()) {
      throw new PacingRefusedException(feasibility.reason());
    }
  }

  /** Takes {@code version} out of a body; 422 when it is not a positive whole number. */
  private static Integer version(JsonObject body) {
    if (!body.containsKey("version")) {
      return null;
    }
    JsonFieldReader reader =
        JsonFieldReader.of(new JsonObject().put("version", body.remove("version")));
    Integer version = reader.integer("version", 1, Integer.MAX_VALUE, 0);
    reader.throwIfInvalid();
    return version == 0 ? null : version;
  }
}
