package io.switchboard.crm.security;

import static io.switchboard.crm.security.AuthRoutesIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.crm.security.PermissionMatrixWalker.Access;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route, every role, no token: the security and audit routes and a stand-in guarded by each
 * permission answer as the permission matrix says.
 */
@ExtendWith(VertxExtension.class)
class PermissionMatrixIT {

  private SecurityTestServer server;
  private Router router;
  private final Map<Role, User> users = new EnumMap<>(Role.class);

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = SecurityTestServer.prepare(SecurityTestServer.settings(Duration.ofHours(8)));
    await(
        server.start(
            vertx,
            mounted -> {
              router = mounted;
              StandInRoutes.mount(
                  mounted, server.security().guard(), server.security().fieldPolicy());
            }));
    users.put(Role.ADMIN, await(server.security().users().find(1)).orElseThrow());
    users.put(Role.SUPERVISOR, await(server.createUser("boss", Set.of(Role.SUPERVISOR))));
    users.put(Role.AGENT, await(server.createUser("li.wang", Set.of(Role.AGENT))));
  }

  @AfterEach
  void stop() {
    try {
      await(server.stop());
    } finally {
      server.close();
    }
  }

  private PermissionMatrixWalker walker() {
    return new PermissionMatrixWalker(server::request, role -> server.tokenFor(users.get(role)));
  }

  private static Map<String, Access> everything() {
    Map<String, Access> expected = SecurityRouteAccess.expected();
    expected.putAll(StandInRoutes.expected());
    return expected;
  }

  @Test
  void everyRouteAnswersEveryRoleAsTheMatrixSays() {
    List<String> violations = await(walker().walk(router, everything()));

    assertThat(violations).isEmpty();
    assertThat(PermissionMatrixWalker.routeKeys(router))
        .hasSize(SecurityRouteAccess.expected().size() + Permission.values().length + 1);
  }

  @Test
  void theWalkerReportsARouteGuardedWithTheWrongPermission() {
    Map<String, Access> wrong = everything();
    wrong.put(
        "POST " + StandInRoutes.path(Permission.CUSTOMER_DELETE),
        Access.needs(Permission.CUSTOMER_READ));

    List<String> violations = await(walker().walk(router, wrong));

    assertThat(violations)
        .containsExactlyInAnyOrder(
            "POST /api/v1/test/customer-delete as supervisor (needs CUSTOMER_READ): expected"
                + " access, got 403 permission CUSTOMER_DELETE is required and your roles"
                + " (supervisor) do not grant it",
            "POST /api/v1/test/customer-delete as agent (needs CUSTOMER_READ): expected access,"
                + " got 403 permission CUSTOMER_DELETE is required and your roles (agent) do not"
                + " grant it");
  }

  @Test
  void theWalkerReportsAnUndeclaredRouteAndAStaleDeclaration() {
    Map<String, Access> incomplete = everything();
    incomplete.remove("GET " + StandInRoutes.CUSTOMER);
    incomplete.put("GET /api/v1/gone", Access.anyUser());

    List<String> violations = await(walker().walk(router, incomplete));

    assertThat(violations)
        .containsExactlyInAnyOrder(
            "GET /api/v1/test/customers/:id: not declared in the expected-permission map",
            "GET /api/v1/gone: declared, but the router has no such route");
  }

  @Test
  void theWalkerReportsAnUnguardedRoute(Vertx vertx) {
    Router open = Router.router(vertx);
    open.get("/api/v1/open").handler(context -> context.response().end("{}"));
    Map<String, Access> expected = Map.of("GET /api/v1/open", Access.needs(Permission.AUDIT_READ));
    PermissionMatrixWalker walker =
        new PermissionMatrixWalker(
            (method, uri, token, body) ->
                Future.succeededFuture(
                    new HttpAnswer(200, io.vertx.core.MultiMap.caseInsensitiveMultiMap(), "{}")),
            role -> Future.succeededFuture("token"));

    List<String> violations = await(walker.walk(open, expected));

    assertThat(violations)
        .containsExactly(
            "GET /api/v1/open without a token: expected 401, got 200",
            "GET /api/v1/open as supervisor (needs AUDIT_READ): expected 403, got 200",
            "GET /api/v1/open as agent (needs AUDIT_READ): expected 403, got 200");
  }
}
