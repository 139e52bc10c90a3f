package io.switchboard.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.TokenVerifyRequest;
import io.switchboard.core.console.VerifiedUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code auth.token.verify} as CrmSecurity registers it, against real PostgreSQL and Redis. */
@ExtendWith(VertxExtension.class)
class TokenVerifyConsumerIT {

  private SecurityTestServer server;
  private Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
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

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }

  private Future<Message<JsonObject>> verify(JsonObject body) {
    return vertx.eventBus().request(ConsoleAddresses.AUTH_TOKEN_VERIFY, body);
  }

  private ReplyException refusal(JsonObject body) {
    Future<Message<JsonObject>> answer = verify(body);
    Throwable cause =
        await(
            answer.transform(done -> Future.succeededFuture(done.failed() ? done.cause() : null)));
    assertThat(cause).isInstanceOf(ReplyException.class);
    return (ReplyException) cause;
  }

  @Test
  void aLiveTokenIsAnsweredWithItsUserAndRoles() {
    User user = await(server.createUser("mei.chen", Set.of(Role.AGENT, Role.SUPERVISOR)));
    String token = await(server.tokenFor(user));

    VerifiedUser verified =
        VerifiedUser.fromJson(await(verify(new TokenVerifyRequest(token).toJson())).body());

    assertThat(verified)
        .isEqualTo(new VerifiedUser(user.id(), "mei.chen", List.of("agent", "supervisor")));
  }

  @Test
  void anUnknownOrMalformedTokenIsRefusedWith401() {
    String unknown = "A".repeat(43);

    assertThat(refusal(new TokenVerifyRequest(unknown).toJson()).failureCode()).isEqualTo(401);
    assertThat(refusal(new TokenVerifyRequest("not a token").toJson()).failureCode())
        .isEqualTo(401);
  }

  @Test
  void aRevokedTokenIsRefusedWith401() {
    String token = await(server.login(SecurityTestServer.ADMIN, SecurityTestServer.ADMIN_PASSWORD));
    assertThat(await(verify(new TokenVerifyRequest(token).toJson())).body().getString("username"))
        .isEqualTo("admin");

    assertThat(await(server.request(HttpMethod.POST, AuthRoutes.LOGOUT, token, null)).status())
        .isEqualTo(204);

    assertThat(refusal(new TokenVerifyRequest(token).toJson()).failureCode()).isEqualTo(401);
  }

  @Test
  void aRequestWithoutATokenIsRefusedWith400NamingTheField() {
    ReplyException refused = refusal(new JsonObject());

    assertThat(refused.failureCode()).isEqualTo(400);
    assertThat(refused.getMessage()).contains("'token'");
  }
}
