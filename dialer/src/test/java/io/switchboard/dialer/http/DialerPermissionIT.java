package io.switchboard.dialer.http;

import static io.switchboard.dialer.http.DialerTestServer.ADMIN;
import static io.switchboard.dialer.http.DialerTestServer.AGENT;
import static io.switchboard.dialer.http.DialerTestServer.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every dialer route, with no token, an unknown token and each role: 401 without a valid token, 403
 * naming the permission for agents, and an answer that is neither for supervisors and admins. A
 * route added to the router without a guard fails the first test.
 */
@ExtendWith(VertxExtension.class)
class DialerPermissionIT {

  private static DialerTestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = DialerTestServer.start(vertx);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void everyRouteOfTheRouterIsRegisteredWithAPermission() {
    Set<String> inRouter = new TreeSet<>();
    for (Route route : server.api.router().getRoutes()) {
      for (HttpMethod method : route.methods()) {
        inRouter.add(method.name() + " " + route.getPath());
      }
    }
    Set<String> declared = new TreeSet<>();
    server.api.routes().forEach(spec -> declared.add(spec.method().name() + " " + spec.path()));

    assertThat(inRouter).isEqualTo(declared);
    assertThat(declared).hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void everyRouteAnswersEveryRoleAsThePermissionsSay() {
    List<String> violations = new ArrayList<>();
    for (DialerRouteSpec route : server.api.routes()) {
      String path =
          route
              .path()
              .replace(":leadId", "1")
              .replace(":id", "1")
              .replace(":phone", "%2B8613800138000")
              .replace(":name", "team-a");
      String name = route.method() + " " + route.path();
      check(violations, name, "no token", send(route, path, null), 401);
      check(violations, name, "unknown token", send(route, path, "x".repeat(43)), 401);
      HttpReply agent = send(route, path, AGENT);
      check(violations, name, "agent", agent, 403);
      if (agent.status() == 403
          && !agent
              .json()
              .getJsonObject("error")
              .getString("message")
              .contains(route.permission().name())) {
        violations.add(name + ": the agent's 403 does not name " + route.permission());
      }
      for (String token : List.of(SUPERVISOR, ADMIN)) {
        HttpReply allowed = send(route, path, token);
        if (allowed.status() == 401 || allowed.status() == 403 || allowed.status() >= 500) {
          violations.add(name + ": " + token + " got " + allowed);
        }
      }
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void withoutTheTokenServiceRequestsAreAnswered503NotLetThrough() {
    server.stopAnsweringTokens();
    HttpReply answer;
    try {
      answer = server.get("/campaigns", ADMIN);
    } finally {
      server.resumeAnsweringTokens();
    }

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.errorCode()).isEqualTo("UNAVAILABLE");
  }

  @Test
  void aMissingTokenGetsTheBearerChallenge() {
    HttpReply answer = server.get("/campaigns", null);

    assertThat(answer.headers().get("WWW-Authenticate")).startsWith("Bearer");
    assertThat(answer.json().getJsonObject("error").getString("message")).contains("Bearer");
  }

  private HttpReply send(DialerRouteSpec route, String path, String token) {
    boolean withBody = route.method() == HttpMethod.POST || route.method() == HttpMethod.PATCH;
    return server.send(
        route.method(),
        path,
        token,
        withBody ? Buffer.buffer("{}") : null,
        withBody ? "application/json" : null);
  }

  private static void check(
      List<String> violations, String route, String who, HttpReply reply, int expected) {
    if (reply.status() != expected) {
      violations.add(route + ": " + who + " got " + reply + ", expected " + expected);
    }
  }
}
