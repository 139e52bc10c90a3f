package io.switchboard.crm.security;

import io.switchboard.crm.security.PermissionMatrixWalker.Access;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stand-ins for the CRM routes, until they are merged: one route per {@link Permission}, guarded by
 * it, and a customer 360 view in the shape the CRM repositories produce, passed through the {@link
 * SensitiveFieldPolicy} as the real customer routes must.
 */
final class StandInRoutes {

  static final String CUSTOMER = "/api/v1/test/customers/:id";

  private StandInRoutes() {}

  static String path(Permission permission) {
    return "/api/v1/test/" + permission.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static void mount(Router router, RouteGuard guard, SensitiveFieldPolicy policy) {
    for (Permission permission : Permission.values()) {
      router
          .post(path(permission))
          .handler(guard.authenticated())
          .handler(guard.require(permission))
          .handler(context -> HttpJson.send(context, 200, new JsonObject().put("ok", true)));
    }
    router
        .get(CUSTOMER)
        .handler(guard.authenticated())
        .handler(guard.require(Permission.CUSTOMER_READ))
        .handler(context -> customer(context, policy));
  }

  static Map<String, Access> expected() {
    Map<String, Access> expected = new LinkedHashMap<>();
    for (Permission permission : Permission.values()) {
      expected.put("POST " + path(permission), Access.needs(permission));
    }
    expected.put("GET " + CUSTOMER, Access.needs(Permission.CUSTOMER_READ));
    return expected;
  }

  private static void customer(RoutingContext context, SensitiveFieldPolicy policy) {
    long id = HttpJson.idParameter(context, "id");
    policy
        .apply(Principal.of(context), id, view360(id))
        .onSuccess(view -> HttpJson.send(context, 200, view))
        .onFailure(context::fail);
  }

  /** A customer's 360 view: numbers in {@code phones} arrays of the customer and its contacts. */
  static JsonObject view360(long id) {
    return new JsonObject()
        .put(
            "customer",
            new JsonObject()
                .put("id", id)
                .put("name", "Customer " + id)
                .put(
                    "phones",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("e164", "+8613812348000")
                                .put("asEntered", "138 1234 8000")
                                .put("label", "mobile"))))
        .put(
            "contacts",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("name", "Zhang Wei")
                        .put(
                            "phones",
                            new JsonArray()
                                .add(
                                    new JsonObject()
                                        .put("e164", "+14155552671")
                                        .put("asEntered", "(415) 555-2671")))));
  }
}
