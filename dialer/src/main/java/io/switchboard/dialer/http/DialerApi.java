package io.switchboard.dialer.http;

import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.dialer.campaign.CampaignInput;
import io.switchboard.dialer.lead.LeadCsvImport;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The dialer's REST API as one Vert.x Web {@link Router}, to be mounted under {@code /api/v1} by
 * the node's HTTP server (which supplies the body handler and the failure handler that writes error
 * JSON). Every route authenticates and checks its permission through the {@link DialerRouteGuard}.
 * Build once; the router's handlers run on the event loop and never block.
 */
public final class DialerApi {

  /** Where the router is meant to be mounted; Location headers use it. */
  public static final String BASE_PATH = "/api/v1";

  private final Router router;
  private final List<DialerRouteSpec> routes;

  public DialerApi(
      Vertx vertx,
      DialerRepositories repositories,
      PhoneNormalizer phones,
      LeadCsvImport importer,
      DialerRouteGuard guard,
      Clock clock) {
    router = Router.router(vertx);
    GuardedRoutes guarded = new GuardedRoutes(router, guard);
    new CampaignRoutes(repositories.campaigns(), new CampaignInput(phones)).mount(guarded);
    new LeadImportRoutes(vertx, repositories.campaigns(), repositories.leads(), importer, clock)
        .mount(guarded);
    new LeadRoutes(repositories.campaigns(), repositories.leads()).mount(guarded);
    new ExclusionRoutes(repositories.campaigns(), repositories.exclusions(), phones).mount(guarded);
    new FiguresRoutes(
            vertx, repositories.campaigns(), repositories.figures(), clock, ZoneId.systemDefault())
        .mount(guarded);
    new AgentGroupRoutes(repositories.groups()).mount(guarded);
    routes = guarded.routes();
  }

  /** Every route with the permission it requires, for tests that walk them all. */
  public List<DialerRouteSpec> routes() {
    return routes;
  }

  /** The router; mount it with {@code route(BASE_PATH + "/*").subRouter(router())}. */
  public Router router() {
    return router;
  }
}
