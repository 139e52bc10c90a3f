package io.switchboard.crm.security;

import static io.switchboard.crm.security.AuthRoutesIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admins' users API over HTTP against PostgreSQL and Redis. */
@ExtendWith(VertxExtension.class)
class UserRoutesIT {

  private SecurityTestServer server;
  private String admin;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = SecurityTestServer.prepare(SecurityTestServer.settings(Duration.ofHours(8)));
    await(server.start(vertx, router -> {}));
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

  private HttpAnswer send(HttpMethod method, String uri, String token, JsonObject body) {
    return await(server.request(method, uri, token, body));
  }

  private static JsonObject newAgent(String username) {
    return new JsonObject()
        .put("username", username)
        .put("displayName", "Li Wang")
        .put("password", SecurityTestServer.PASSWORD)
        .put("roles", new JsonArray().add("agent"));
  }

  @Test
  void anAdminCreatesAUserWhoCanThenLogIn() {
    HttpAnswer created = send(HttpMethod.POST, "/api/v1/users", admin, newAgent("li.wang"));

    assertThat(created.status()).isEqualTo(201);
    long id = created.json().getLong("id");
    assertThat(created.headers().get("location")).isEqualTo("/api/v1/users/" + id);
    assertThat(created.json().getString("displayName")).isEqualTo("Li Wang");
    assertThat(created.json().getJsonArray("roles")).containsExactly("agent");
    assertThat(created.json().getBoolean("active")).isTrue();
    assertThat(created.text()).doesNotContainIgnoringCase("hash").doesNotContain("argon");
    assertThat(await(server.login("li.wang", SecurityTestServer.PASSWORD))).hasSize(43);
  }

  @Test
  void aUsernameTakenInAnyCaseIs409() {
    send(HttpMethod.POST, "/api/v1/users", admin, newAgent("li.wang"));

    HttpAnswer again = send(HttpMethod.POST, "/api/v1/users", admin, newAgent("Li.Wang"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isErrorShape()).isTrue();
    assertThat(again.errorMessage()).contains("username 'Li.Wang' is taken");
  }

  @Test
  void badFieldsAre422NamingEachAndABodyThatIsNotJsonIs400() {
    HttpAnswer bad =
        send(
            HttpMethod.POST,
            "/api/v1/users",
            admin,
            new JsonObject().put("username", "li wang").put("password", "short").put("role", "x"));
    HttpAnswer notJson = await(server.request(HttpMethod.POST, "/api/v1/users", admin, null));

    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.errorMessage()).contains("unknown field(s) role");
    HttpAnswer fields =
        send(
            HttpMethod.POST,
            "/api/v1/users",
            admin,
            new JsonObject().put("username", "li wang").put("password", "short"));
    assertThat(fields.errorMessage()).contains("username:", "password:", "roles:");
    assertThat(notJson.status()).isEqualTo(400);
  }

  @Test
  void onlyAdminsManageUsers() {
    User supervisor = await(server.createUser("boss", Set.of(Role.SUPERVISOR)));
    String token = await(server.tokenFor(supervisor));

    HttpAnswer list = send(HttpMethod.GET, "/api/v1/users", token, null);

    assertThat(list.status()).isEqualTo(403);
    assertThat(list.isErrorShape()).isTrue();
    assertThat(list.errorMessage())
        .isEqualTo("permission USER_ADMIN is required and your roles (supervisor) do not grant it");
  }

  @Test
  void theListPagesByIdWithACursor() {
    for (int i = 0; i < 3; i++) {
      send(HttpMethod.POST, "/api/v1/users", admin, newAgent("agent" + i));
    }

    JsonObject first = send(HttpMethod.GET, "/api/v1/users?limit=2", admin, null).json();
    long next = first.getLong("nextAfter");
    JsonObject second =
        send(HttpMethod.GET, "/api/v1/users?limit=2&after=" + next, admin, null).json();

    assertThat(first.getJsonArray("items")).hasSize(2);
    assertThat(first.getJsonArray("items").getJsonObject(0).getString("username"))
        .isEqualTo("admin");
    assertThat(second.getJsonArray("items")).hasSize(2);
    assertThat(second.getJsonArray("items").getJsonObject(1).getString("username"))
        .isEqualTo("agent2");
    assertThat(send(HttpMethod.GET, "/api/v1/users?limit=0", admin, null).errorMessage())
        .isEqualTo("query parameter limit must be a whole number from 1 to 500");
  }

  @Test
  void changingRolesRevokesTheUsersTokensAndTheNewRolesApplyAtTheNextLogin() {
    User user = await(server.createUser("li.wang", Set.of(Role.AGENT)));
    String before = await(server.login("li.wang", SecurityTestServer.PASSWORD));

    HttpAnswer updated =
        send(
            HttpMethod.PATCH,
            "/api/v1/users/" + user.id(),
            admin,
            new JsonObject().put("roles", new JsonArray().add("supervisor")));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().getJsonArray("roles")).containsExactly("supervisor");
    assertThat(send(HttpMethod.GET, AuthRoutes.ME, before, null).status()).isEqualTo(401);
    String after = await(server.login("li.wang", SecurityTestServer.PASSWORD));
    assertThat(send(HttpMethod.GET, AuthRoutes.ME, after, null).json().getJsonArray("roles"))
        .containsExactly("supervisor");
  }

  @Test
  void renamingKeepsTheUsersTokens() {
    User user = await(server.createUser("li.wang", Set.of(Role.AGENT)));
    String token = await(server.login("li.wang", SecurityTestServer.PASSWORD));

    send(
        HttpMethod.PATCH,
        "/api/v1/users/" + user.id(),
        admin,
        new JsonObject().put("displayName", "Wang Li"));

    assertThat(send(HttpMethod.GET, AuthRoutes.ME, token, null).status()).isEqualTo(200);
  }

  @Test
  void deactivatingRevokesTheUsersTokens() {
    User user = await(server.createUser("li.wang", Set.of(Role.AGENT)));
    String token = await(server.login("li.wang", SecurityTestServer.PASSWORD));

    send(
        HttpMethod.PATCH,
        "/api/v1/users/" + user.id(),
        admin,
        new JsonObject().put("active", false));

    HttpAnswer me = send(HttpMethod.GET, AuthRoutes.ME, token, null);
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.errorMessage()).contains("expired or was revoked");
  }

  @Test
  void aPasswordResetReplacesThePasswordRevokesTokensAndAuditsNoHash() throws Exception {
    User user = await(server.createUser("li.wang", Set.of(Role.AGENT)));
    String token = await(server.login("li.wang", SecurityTestServer.PASSWORD));

    HttpAnswer reset =
        send(
            HttpMethod.PUT,
            "/api/v1/users/" + user.id() + "/password",
            admin,
            new JsonObject().put("password", "a brand new password"));

    assertThat(reset.status()).isEqualTo(204);
    assertThat(send(HttpMethod.GET, AuthRoutes.ME, token, null).status()).isEqualTo(401);
    assertThat(await(server.login("li.wang", "a brand new password"))).hasSize(43);
    HttpAnswer oldPassword =
        send(
            HttpMethod.POST,
            AuthRoutes.LOGIN,
            null,
            new JsonObject()
                .put("username", "li.wang")
                .put("password", SecurityTestServer.PASSWORD));
    assertThat(oldPassword.status()).isEqualTo(401);
    try (Connection connection = server.testDatabase().connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM audit_log WHERE before::text LIKE '%argon%'"
                    + " OR after::text LIKE '%argon%' OR detail LIKE '%argon%'")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
  }

  @Test
  void theLastActiveAdminCanNeitherBeDeactivatedNorDemoted() {
    HttpAnswer deactivate =
        send(HttpMethod.PATCH, "/api/v1/users/1", admin, new JsonObject().put("active", false));
    HttpAnswer demote =
        send(
            HttpMethod.PATCH,
            "/api/v1/users/1",
            admin,
            new JsonObject().put("roles", new JsonArray().add("agent")));

    assertThat(deactivate.status()).isEqualTo(409);
    assertThat(deactivate.errorMessage()).contains("would leave no active admin");
    assertThat(demote.status()).isEqualTo(409);
    assertThat(send(HttpMethod.GET, AuthRoutes.ME, admin, null).status()).isEqualTo(200);
  }

  @Test
  void changesAreAuditedWithBeforeAndAfter() {
    long id =
        send(HttpMethod.POST, "/api/v1/users", admin, newAgent("li.wang")).json().getLong("id");
    send(HttpMethod.PATCH, "/api/v1/users/" + id, admin, new JsonObject().put("active", false));

    JsonArray entries =
        send(HttpMethod.GET, "/api/v1/audit?entity=user&entityId=" + id, admin, null)
            .json()
            .getJsonArray("items");

    assertThat(entries).hasSize(2);
    JsonObject update = entries.getJsonObject(0);
    assertThat(update.getString("action")).isEqualTo("update");
    assertThat(update.getLong("userId")).isEqualTo(1L);
    assertThat(update.getJsonObject("before").getBoolean("active")).isTrue();
    assertThat(update.getJsonObject("after").getBoolean("active")).isFalse();
    JsonObject create = entries.getJsonObject(1);
    assertThat(create.getString("action")).isEqualTo("create");
    assertThat(create.getValue("before")).isNull();
    assertThat(create.getJsonObject("after").getString("username")).isEqualTo("li.wang");
  }

  @Test
  void anUnknownOrMalformedIdIs404() {
    assertThat(send(HttpMethod.GET, "/api/v1/users/999", admin, null).status()).isEqualTo(404);
    assertThat(send(HttpMethod.GET, "/api/v1/users/abc", admin, null).status()).isEqualTo(404);
    assertThat(
            send(HttpMethod.PATCH, "/api/v1/users/999", admin, new JsonObject().put("active", true))
                .status())
        .isEqualTo(404);
  }

  @Test
  void anAdminCanRevokeEveryTokenOfAUser() {
    User user = await(server.createUser("li.wang", Set.of(Role.AGENT)));
    String token = await(server.login("li.wang", SecurityTestServer.PASSWORD));

    assertThat(
            send(HttpMethod.DELETE, "/api/v1/users/" + user.id() + "/tokens", admin, null).status())
        .isEqualTo(204);

    assertThat(send(HttpMethod.GET, AuthRoutes.ME, token, null).status()).isEqualTo(401);
  }
}
