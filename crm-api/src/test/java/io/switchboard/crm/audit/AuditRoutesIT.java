package io.switchboard.crm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.crm.security.HttpAnswer;
import io.switchboard.crm.security.Role;
import io.switchboard.crm.security.SecurityTestServer;
import io.switchboard.crm.security.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admins' audit query over HTTP against PostgreSQL. */
@ExtendWith(VertxExtension.class)
class AuditRoutesIT {

  private SecurityTestServer server;
  private String admin;
  private User agent;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = SecurityTestServer.prepare(SecurityTestServer.settings(Duration.ofHours(8)));
    await(server.start(vertx, router -> {}));
    agent = await(server.createUser("li.wang", Set.of(Role.AGENT)));
    // Entries as the CRM repositories write them, at known times.
    try (Connection connection = server.testDatabase().connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM audit_log");
      statement.execute(
          "INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES"
              + " ('2025-01-01T08:00:00Z', "
              + agent.id()
              + ", 'read', 'customer', 7, NULL, NULL),"
              + " ('2025-01-01T09:00:00Z', "
              + agent.id()
              + ", 'update', 'customer', 7, '{\"name\":\"Wang\"}', '{\"name\":\"Wang Li\"}'),"
              + " ('2025-01-02T08:00:00Z', 1, 'delete', 'customer', 8, '{\"name\":\"Zhang\"}',"
              + " NULL),"
              + " ('2025-01-03T08:00:00Z', 1, 'read', 'ticket', 7, NULL, NULL)");
    }
    admin = await(server.login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD));
  }

  @AfterEach
  void stop() {
    try {
      await(server.stop());
    } finally {
      server.close();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }

  private HttpAnswer query(String parameters, String token) {
    return await(server.request(HttpMethod.GET, "/api/v1/audit?" + parameters, token, null));
  }

  private static List<String> actions(HttpAnswer answer) {
    return answer.json().getJsonArray("items").stream()
        .map(entry -> ((JsonObject) entry).getString("action"))
        .toList();
  }

  @Test
  void filtersCombineAndEntriesComeNewestFirstWithBeforeAndAfter() {
    HttpAnswer customer7 = query("entity=customer&entityId=7", admin);

    assertThat(actions(customer7)).containsExactly("update", "read");
    JsonObject update = customer7.json().getJsonArray("items").getJsonObject(0);
    assertThat(update.getLong("userId")).isEqualTo(agent.id());
    assertThat(update.getString("at")).isEqualTo("2025-01-01T09:00:00Z");
    assertThat(update.getJsonObject("before")).isEqualTo(new JsonObject().put("name", "Wang"));
    assertThat(update.getJsonObject("after")).isEqualTo(new JsonObject().put("name", "Wang Li"));
    assertThat(actions(query("userId=" + agent.id() + "&action=read", admin)))
        .containsExactly("read");
    assertThat(actions(query("action=delete", admin))).containsExactly("delete");
  }

  @Test
  void aTimeRangeIncludesItsStartAndExcludesItsEnd() {
    HttpAnswer answer = query("from=2025-01-01T09:00:00Z&to=2025-01-03T08:00:00Z", admin);

    assertThat(actions(answer)).containsExactly("delete", "update");
  }

  @Test
  void pagesFollowTheCursorToTheEnd() {
    HttpAnswer first = query("entity=customer&limit=2", admin);
    long next = first.json().getLong("nextBefore");
    HttpAnswer second = query("entity=customer&limit=2&before=" + next, admin);

    assertThat(actions(first)).containsExactly("delete", "update");
    assertThat(actions(second)).containsExactly("read");
    assertThat(second.json().getValue("nextBefore")).isNull();
  }

  @Test
  void badParametersAre400NamingTheParameter() {
    assertThat(query("from=yesterday", admin).errorMessage())
        .startsWith("query parameter from must be an ISO-8601 instant");
    assertThat(query("userId=x", admin).errorMessage())
        .startsWith("query parameter userId must be a whole number");
    assertThat(query("limit=501", admin).status()).isEqualTo(400);
    assertThat(query("entity=Customer;DROP", admin).errorMessage())
        .startsWith("query parameter entity must be a lowercase name");
    assertThat(query("from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z", admin).errorMessage())
        .isEqualTo("query parameter from must be before to");
  }

  @Test
  void onlyAdminsReadTheAuditLog() {
    String token = await(server.tokenFor(agent));
    HttpAnswer answer = query("entity=customer", token);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.errorMessage()).contains("AUDIT_READ");
  }
}
