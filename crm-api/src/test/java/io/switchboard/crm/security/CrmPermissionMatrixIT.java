package io.switchboard.crm.security;

import static io.switchboard.crm.security.AuthRoutesIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.http.CrmApi;
import io.switchboard.crm.http.RouteSpec;
import io.switchboard.crm.persistence.CrmRepositories;
import io.switchboard.crm.security.PermissionMatrixWalker.Access;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole CRM API as the node mounts it (the auth, users and audit routes, and every CRM route
 * under /api/v1 with the real bearer-token guard and phone masking): every route, every role and no
 * token answer as the permission matrix says. A route added without a declared permission, or
 * guarded with the wrong one, fails this test.
 */
@ExtendWith(VertxExtension.class)
class CrmPermissionMatrixIT {

  private SecurityTestServer server;
  private Router router;
  private CrmApi api;
  private final Map<Role, User> users = new EnumMap<>(Role.class);

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = SecurityTestServer.prepare(SecurityTestServer.settings(Duration.ofHours(8)));
    await(
        server.start(
            vertx,
            mounted -> {
              router = mounted;
              api =
                  new CrmApi(
                      vertx,
                      CrmRepositories.over(server.database()),
                      new PhoneNormalizer("CN"),
                      server.security().guard(),
                      server.security().fieldPolicy());
              mounted.route(CrmApi.BASE_PATH + "/*").subRouter(api.router());
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

  @Test
  void everyCrmRouteAnswersEveryRoleAsTheMatrixSays() {
    Map<String, Access> expected = SecurityRouteAccess.expected();
    List<String> crmKeys = new ArrayList<>();
    for (RouteSpec route : api.routes()) {
      String key = route.method().name() + " " + CrmApi.BASE_PATH + route.path();
      crmKeys.add(key);
      expected.put(
          key, route.permission() == null ? Access.anyUser() : Access.needs(route.permission()));
    }
    PermissionMatrixWalker walker =
        new PermissionMatrixWalker(server::request, role -> server.tokenFor(users.get(role)));

    List<String> violations = await(walker.walk(router, crmKeys, expected));

    assertThat(violations).isEmpty();
    assertThat(crmKeys).as("the CRM routes were all walked").hasSizeGreaterThan(30);
  }
}
