package io.switchboard.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Login, logout, me, revocation and the failed-login limits, over HTTP against PG and Redis. */
@ExtendWith(VertxExtension.class)
class AuthRoutesIT {

  private SecurityTestServer server;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = SecurityTestServer.prepare(SecurityTestServer.settings(Duration.ofHours(8)));
    await(server.start(vertx, router -> {}));
  }

  @AfterEach
  void stop() {
    try {
      await(server.stop());
    } finally {
      server.close();
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }

  private HttpAnswer login(String username, String password) {
    return await(
        server.request(
            HttpMethod.POST,
            AuthRoutes.LOGIN,
            null,
            new JsonObject().put("username", username).put("password", password)));
  }

  private HttpAnswer me(String token) {
    return await(server.request(HttpMethod.GET, AuthRoutes.ME, token, null));
  }

  @Test
  void aLoginGivesAnEightHourTokenThatMeAccepts() {
    Instant before = Instant.now();
    HttpAnswer login = login("ADMIN", SecurityTestServer.ADMIN_PASSWORD);

    assertThat(login.status()).isEqualTo(200);
    String token = login.json().getString("token");
    assertThat(token).hasSize(43);
    assertThat(login.json().getString("tokenType")).isEqualTo("Bearer");
    assertThat(Instant.parse(login.json().getString("expiresAt")))
        .isBetween(before.plus(Duration.ofHours(8)), Instant.now().plus(Duration.ofHours(8)));
    assertThat(login.headers().get("cache-control")).isEqualTo("no-store");

    HttpAnswer me = me(token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("username")).isEqualTo("admin");
    assertThat(me.json().getJsonArray("roles")).containsExactly("admin");
    assertThat(me.json().getJsonArray("permissions")).hasSize(Permission.values().length);
  }

  @Test
  void anAgentSeesItsOwnRolesAndPermissions() {
    await(server.createUser("li.wang", Set.of(Role.AGENT)));

    String token = await(server.login("li.wang", SecurityTestServer.PASSWORD));
    JsonObject me = me(token).json();

    assertThat(me.getJsonArray("roles")).containsExactly("agent");
    assertThat(me.getJsonArray("permissions"))
        .contains("CUSTOMER_READ", "DISPOSITION_WRITE")
        .doesNotContain("CUSTOMER_DELETE", "CUSTOMER_EXPORT", "USER_ADMIN", "AUDIT_READ");
  }

  @Test
  void withoutATokenTheAnswerIs401WithAChallengeAndTheErrorShape() {
    HttpAnswer answer = me(null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.isErrorShape()).isTrue();
    assertThat(answer.errorCode()).isEqualTo("UNAUTHENTICATED");
    assertThat(answer.errorMessage()).contains("missing bearer token", "Authorization: Bearer");
    assertThat(answer.headers().get("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aMalformedOrUnknownTokenIs401SayingWhy() {
    HttpAnswer malformed = me("not-a-token");
    HttpAnswer unknown = me(BearerTokens.generate());

    assertThat(malformed.status()).isEqualTo(401);
    assertThat(malformed.errorMessage()).contains("malformed bearer token");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.errorMessage()).contains("expired or was revoked");
    assertThat(unknown.headers().get("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void logoutRevokesTheTokenAndOnlyThatOne() {
    String first = await(server.login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD));
    String second =
        await(server.login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD));

    HttpAnswer logout = await(server.request(HttpMethod.POST, AuthRoutes.LOGOUT, first, null));

    assertThat(logout.status()).isEqualTo(204);
    assertThat(me(first).status()).isEqualTo(401);
    assertThat(me(second).status()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    HttpAnswer wrongPassword = login(SecurityTestServer.ADMIN, "not the password at all");
    HttpAnswer unknownUser = login("nobody", "not the password at all");

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(wrongPassword.text()).isEqualTo(unknownUser.text());
    assertThat(wrongPassword.errorMessage()).isEqualTo("invalid username or password");
  }

  @Test
  void anInactiveUserCannotLogInAndGetsTheSameAnswer() {
    User user = await(server.createUser("gone", Set.of(Role.AGENT)));
    String admin = await(server.login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD));
    await(
        server.request(
            HttpMethod.PATCH,
            "/api/v1/users/" + user.id(),
            admin,
            new JsonObject().put("active", false)));

    HttpAnswer rightPassword = login("gone", SecurityTestServer.PASSWORD);

    assertThat(rightPassword.status()).isEqualTo(401);
    assertThat(rightPassword.text()).isEqualTo(login("nobody", "whatever it is").text());
  }

  @Test
  void afterThreeFailuresAUsernameIsRefusedWith429EvenWithTheRightPassword() {
    for (int i = 0; i < 3; i++) {
      assertThat(login(SecurityTestServer.ADMIN, "wrong password " + i).status()).isEqualTo(401);
    }

    HttpAnswer blocked = login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD);

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.isErrorShape()).isTrue();
    assertThat(blocked.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(Long.parseLong(blocked.headers().get("Retry-After"))).isBetween(1L, 900L);
  }

  @Test
  void unknownUsernamesAreLimitedLikeKnownOnesSoTheLimitRevealsNothing() {
    for (int i = 0; i < 3; i++) {
      login("nobody", "wrong password " + i);
      login(SecurityTestServer.ADMIN, "wrong password " + i);
    }

    HttpAnswer unknown = login("nobody", "another guess");
    HttpAnswer known = login(SecurityTestServer.ADMIN, "another guess");

    assertThat(unknown.status()).isEqualTo(429);
    assertThat(known.status()).isEqualTo(429);
    assertThat(unknown.errorMessage()).isEqualTo(known.errorMessage());
  }

  @Test
  void anAddressGuessingAtManyUsernamesIsLimitedToo() {
    for (int i = 0; i < 8; i++) {
      assertThat(login("user" + i, "wrong password").status()).isEqualTo(401);
    }

    assertThat(login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD).status())
        .isEqualTo(429);
  }

  @Test
  void aSuccessfulLoginForgetsTheUsernamesFailures() {
    login(SecurityTestServer.ADMIN, "wrong password 1");
    login(SecurityTestServer.ADMIN, "wrong password 2");
    assertThat(login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD).status())
        .isEqualTo(200);

    login(SecurityTestServer.ADMIN, "wrong password 3");
    login(SecurityTestServer.ADMIN, "wrong password 4");

    assertThat(login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void aLoginBodyWithoutAPasswordNamesTheField() {
    HttpAnswer answer =
        await(
            server.request(
                HttpMethod.POST, AuthRoutes.LOGIN, null, new JsonObject().put("username", "x")));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.errorMessage()).startsWith("password: required");
  }

  @Test
  void loginsFailuresAndLogoutsAreAudited() {
    login(SecurityTestServer.ADMIN, "wrong password");
    login("nobody", "my secret password typed as username");
    String token = await(server.login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD));
    await(server.request(HttpMethod.POST, AuthRoutes.LOGOUT, token, null));
    String reader =
        await(server.login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD));

    JsonArray entries =
        await(server.request(HttpMethod.GET, "/api/v1/audit?entity=user&limit=10", reader, null))
            .json()
            .getJsonArray("items");

    // Newest first: the reader's login, the logout, the login, two failures, the bootstrap.
    assertThat(entries.stream().map(entry -> ((JsonObject) entry).getString("action")).toList())
        .startsWith("login", "logout", "login", "login_failed", "login_failed", "update");
    JsonObject unknownFailure = entries.getJsonObject(3);
    assertThat(unknownFailure.getValue("entityId")).isNull();
    assertThat(unknownFailure.getString("detail")).isEqualTo("unknown username from 127.0.0.1");
    JsonObject knownFailure = entries.getJsonObject(4);
    assertThat(knownFailure.getLong("entityId")).isEqualTo(1L);
    assertThat(knownFailure.getString("detail")).isEqualTo("username admin from 127.0.0.1");
    assertThat(entries.getJsonObject(1).getLong("userId")).isEqualTo(1L);
    assertThat(entries.encode()).doesNotContain("wrong password", "my secret");
  }
}
