package io.switchboard.crm.security;

import static io.switchboard.crm.security.AuthRoutesIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Phone numbers in customer views, as each role sees them over HTTP, with Redis active calls. */
@ExtendWith(VertxExtension.class)
class SensitiveFieldPolicyIT {

  private SecurityTestServer server;
  private User agent;
  private String agentToken;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = SecurityTestServer.prepare(SecurityTestServer.settings(Duration.ofHours(8)));
    await(
        server.start(
            vertx,
            router ->
                StandInRoutes.mount(
                    router, server.security().guard(), server.security().fieldPolicy())));
    agent = await(server.createUser("li.wang", Set.of(Role.AGENT)));
    agentToken = await(server.tokenFor(agent));
  }

  @AfterEach
  void stop() {
    try {
      await(server.stop());
    } finally {
      server.close();
    }
  }

  private JsonObject customer(long id, String token) {
    HttpAnswer answer =
        await(server.request(HttpMethod.GET, "/api/v1/test/customers/" + id, token, null));
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  private static String customerE164(JsonObject view) {
    return view.getJsonObject("customer").getJsonArray("phones").getJsonObject(0).getString("e164");
  }

  @Test
  void anAgentWithoutACallSeesEveryNumberMasked() {
    JsonObject view = customer(7, agentToken);

    assertThat(customerE164(view)).isEqualTo("+86138****8000");
    assertThat(
            view.getJsonObject("customer")
                .getJsonArray("phones")
                .getJsonObject(0)
                .getString("asEntered"))
        .isEqualTo("138 **** 8000");
    assertThat(
            view.getJsonArray("contacts")
                .getJsonObject(0)
                .getJsonArray("phones")
                .getJsonObject(0)
                .getString("e164"))
        .isEqualTo("+1415***2671");
    assertThat(view.encode()).doesNotContain("1234", "555-2671");
  }

  @Test
  void anAgentSeesTheCustomerOnTheirOwnActiveCallWholeAndOnlyThatOne() {
    await(server.security().activeCalls().set(agent.id(), 7, Duration.ofMinutes(5)));

    assertThat(customer(7, agentToken)).isEqualTo(StandInRoutes.view360(7));
    assertThat(customerE164(customer(8, agentToken))).isEqualTo("+86138****8000");
  }

  @Test
  void anotherAgentsActiveCallUnmasksNothing() {
    User colleague = await(server.createUser("zhang.wei", Set.of(Role.AGENT)));
    await(server.security().activeCalls().set(colleague.id(), 7, Duration.ofMinutes(5)));

    assertThat(customerE164(customer(7, agentToken))).isEqualTo("+86138****8000");
  }

  @Test
  void afterWrapUpTheNumbersAreMaskedAgain() {
    await(server.security().activeCalls().set(agent.id(), 7, Duration.ofMinutes(5)));
    await(server.security().activeCalls().clear(agent.id(), 7));

    assertThat(customerE164(customer(7, agentToken))).isEqualTo("+86138****8000");
  }

  @Test
  void supervisorsAndAdminsSeeNumbersWhole() {
    User supervisor = await(server.createUser("boss", Set.of(Role.SUPERVISOR)));
    String admin = await(server.login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD));

    assertThat(customer(7, await(server.tokenFor(supervisor)))).isEqualTo(StandInRoutes.view360(7));
    assertThat(customer(7, admin)).isEqualTo(StandInRoutes.view360(7));
  }
}
