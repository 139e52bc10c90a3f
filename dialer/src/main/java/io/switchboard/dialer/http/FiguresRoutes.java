package io.switchboard.dialer.http;

import io.switchboard.core.dialer.DialerAddresses;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.dialer.persistence.CampaignRepository;
import io.switchboard.dialer.persistence.FiguresRepository;
import io.switchboard.dialer.persistence.StoredFigures;
import io.switchboard.dialer.runner.CampaignFigures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A campaign's live figures, {@code GET /campaigns/{id}/figures}: asked of the campaign runner over
 * {@value DialerAddresses#FIGURES_QUERY} (wherever in the cluster it runs); when no runner holds
 * the campaign (or none answers within {@link #RUNNER_TIMEOUT_MS}) they are read from PostgreSQL
 * with {@code running: false} and no calls, agents or dial level; 404 for an unknown campaign.
 * Handlers run on the event loop and never block.
 */
final class FiguresRoutes {

  static final long RUNNER_TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final CampaignRepository campaigns;
  private final FiguresRepository figures;
  private final Clock clock;
  private final ZoneId zone;

  FiguresRoutes(
      Vertx vertx,
      CampaignRepository campaigns,
      FiguresRepository figures,
      Clock clock,
      ZoneId zone) {
    this.vertx = vertx;
    this.campaigns = campaigns;
    this.figures = figures;
    this.clock = clock;
    this.zone = zone;
  }

  void mount(GuardedRoutes routes) {
    routes.add(
        HttpMethod.GET, "/campaigns/:id/figures", DialerPermission.CAMPAIGN_READ, this::read);
  }

  private void read(RoutingContext context) {
    long id = Requests.id(context, "id");
    vertx
        .eventBus()
        .<JsonObject>request(
            DialerAddresses.FIGURES_QUERY,
            new JsonObject().put("campaignId", id),
            new DeliveryOptions().setSendTimeout(RUNNER_TIMEOUT_MS))
        .map(Message::body)
        .recover(notRunning -> stored(id))
        .onSuccess(json -> Responses.ok(context, json))
        .onFailure(context::fail);
  }

  /** The figures from PostgreSQL alone, for a campaign no runner holds. */
  private Future<JsonObject> stored(long id) {
    Instant now = clock.instant();
    return campaigns
        .get(id)
        .compose(
            campaign ->
                figures
                    .read(List.of(id), now, zone)
                    .map(
                        read -> {
                          StoredFigures stored = read.get(id);
                          return CampaignFigures.of(
                                  campaign,
                                  false,
                                  stored.today(),
                                  stored.last24Hours(),
                                  stored.last30Days(),
                                  null,
                                  null,
                                  stored.leadsLeft())
                              .toJson();
                        }));
  }
}
