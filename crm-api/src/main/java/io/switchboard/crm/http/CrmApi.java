package io.switchboard.crm.http;

import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.persistence.CrmRepositories;
import io.switchboard.crm.security.RouteGuard;
import io.switchboard.crm.security.SensitiveFieldPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * The CRM's REST API as one Vert.x Web {@link Router}, to be mounted under {@code /api/v1} by the
 * node's HTTP server (which supplies the body handler and the failure handler that writes error
 * JSON). Every route authenticates and checks its permission through the {@link RouteGuard}, and
 * every customer view passes the {@link SensitiveFieldPolicy}. Build once; the router's handlers
 * run on the event loop and never block.
 */
public final class CrmApi {

  /** Where the router is meant to be mounted; Location headers and the OpenAPI server use it. */
  public static final String BASE_PATH = "/api/v1";

  private final Router router;
  private final List<RouteSpec> routes;

  public CrmApi(
      Vertx vertx,
      CrmRepositories repositories,
      PhoneNormalizer phones,
      RouteGuard guard,
      SensitiveFieldPolicy policy) {
    router = Router.router(vertx);
    GuardedRouter guarded = new GuardedRouter(router, guard);
    CustomerViews views = new CustomerViews(policy);
    CustomerInput input = new CustomerInput(phones);
    // Fixed paths under /customers come before /customers/:id.
    new ImportExportRoutes(repositories.transfers(), input, views).mount(guarded);
    new CustomerRoutes(repositories.customers(), repositories.views(), phones, views)
        .mount(guarded);
    new CustomerDetailRoutes(repositories.contacts(), repositories.activity(), input, views)
        .mount(guarded);
    new TicketRoutes(repositories.tickets()).mount(guarded);
    new CallbackRoutes(repositories.callbacks(), input, views).mount(guarded);
    new ReferenceDataRoutes(repositories.reference()).mount(guarded);
    new DoNotCallRoutes(repositories.doNotCall(), phones).mount(guarded);
    guarded.authenticatedOnly(HttpMethod.GET, "/openapi.json", OpenApiDocument.handler());
    routes = guarded.routes();
  }

  /** Every route with the permission it requires, for tests that walk them all. */
  public List<RouteSpec> routes() {
    return routes;
  }

  /** The router with every CRM route; mount it with {@code route(BASE_PATH + "/*").subRouter}. */
  public Router router() {
    return router;
  }
}
