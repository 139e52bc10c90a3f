package io.switchboard.crm.http;

import static io.switchboard.crm.http.CrmTestServer.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input of every kind gets a clear 4xx naming the problem, never a 500. */
@ExtendWith(VertxExtension.class)
class BadInputIT {

  private static CrmTestServer server;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    CrmTestServer.start(vertx)
        .onComplete(
            ctx.succeeding(
                started -> {
                  server = started;
                  ctx.completeNow();
                }));
  }

  @AfterAll
  static void stop(VertxTestContext ctx) {
    server.stop().onComplete(ctx.succeedingThenComplete());
  }

  /** A request and the answer it must get: status, error code and the fields it names. */
  record Case(
      HttpMethod method, String path, String body, int status, String code, List<String> fields) {}

  static Case post(String path, String body, int status, String code, String... fields) {
    return new Case(HttpMethod.POST, path, body, status, code, List.of(fields));
  }

  static Case get(String path, int status, String code, String... fields) {
    return new Case(HttpMethod.GET, path, null, status, code, List.of(fields));
  }

  @Test
  void malformedBodiesAre400(VertxTestContext ctx) {
    check(
        ctx,
        List.of(
            post("/customers", "{\"name\": ", 400, "BAD_REQUEST"),
            post("/customers", "[1, 2]", 400, "BAD_REQUEST"),
            post("/customers", "\"text\"", 400, "BAD_REQUEST"),
            post("/customers", "", 400, "BAD_REQUEST"),
            post("/customers", "[".repeat(5000), 400, "BAD_REQUEST"),
            post("/tickets", "{,}", 400, "BAD_REQUEST")));
  }

  @Test
  void wrongTypesUnknownFieldsAndHugeValuesAre422NamingEachField(VertxTestContext ctx) {
    check(
        ctx,
        List.of(
            post("/customers", "{\"kind\": \"organization\"}", 422, "VALIDATION_FAILED", "name"),
            post(
                "/customers",
                "{\"kind\": 7, \"name\": [], \"vip\": \"yes\", \"colour\": \"red\"}",
                422,
                "VALIDATION_FAILED",
                "colour",
                "kind",
                "name",
                "vip"),
            post(
                "/customers",
                "{\"kind\": \"individual\", \"name\": \"A\", \"ownerUserId\": 1e400,"
                    + " \"regionId\": 99999999999999999999999, \"birthday\": \"2999-01-01\"}",
                422,
                "VALIDATION_FAILED",
                "ownerUserId",
                "regionId",
                "birthday"),
            post(
                "/customers",
                "{\"kind\": \"individual\", \"name\": \"" + "x".repeat(301) + "\"}",
                422,
                "VALIDATION_FAILED",
                "name"),
            post(
                "/customers",
                "{\"kind\": \"individual\", \"name\": \"A\", \"phones\": [{\"number\": \"12\"},"
                    + " {\"number\": \"+86 138 0013 8000\"}, {\"number\": \"13800138000\"}]}",
                422,
                "VALIDATION_FAILED",
                "phones[0].number",
                "phones[2].number"),
            post(
                "/customers",
                "{\"kind\": \"individual\", \"name\": \"A\", \"customerType\": \"emperor\"}",
                422,
                "VALIDATION_FAILED",
                "customerType"),
            post(
                "/customers",
                "{\"kind\": \"individual\", \"name\": \"A\", \"regionId\": 987654}",
                422,
                "VALIDATION_FAILED",
                "regionId"),
            post(
                "/tickets",
                "{\"customerId\": -1, \"kind\": \"praise\", \"subject\": \"\"}",
                422,
                "VALIDATION_FAILED",
                "customerId",
                "kind",
                "subject")));
  }

  @Test
  void badIdsSortsLimitsAndParametersAre400NamingThem(VertxTestContext ctx) {
    check(
        ctx,
        List.of(
            get("/customers/abc", 400, "BAD_REQUEST", "id"),
            get("/customers/-5", 400, "BAD_REQUEST", "id"),
            get("/customers/99999999999999999999", 400, "BAD_REQUEST", "id"),
            get("/customers?sort=password", 400, "BAD_REQUEST", "sort"),
            get("/customers?limit=-1", 400, "BAD_REQUEST", "limit"),
            get("/customers?limit=100000", 400, "BAD_REQUEST", "limit"),
            get("/customers?offset=-3&vip=maybe", 400, "BAD_REQUEST", "offset", "vip"),
            get("/customers?regoin=1", 400, "BAD_REQUEST", "regoin"),
            get("/customers?phone=12", 400, "BAD_REQUEST", "phone"),
            get("/customers?createdFrom=yesterday", 400, "BAD_REQUEST", "createdFrom"),
            get("/customers?type=Robert%27%29%3BDROP", 400, "BAD_REQUEST", "type"),
            get("/tickets?status=lost", 400, "BAD_REQUEST", "status"),
            get("/customers/12345678", 404, "NOT_FOUND"),
            get("/tickets/12345678", 404, "NOT_FOUND"),
            get("/dictionary/colours", 404, "NOT_FOUND"),
            get("/no-such-thing", 404, "NOT_FOUND")));
  }

  @Test
  void aRequestWithoutCredentialsIs401AndABodyOverTheLimitIs413(VertxTestContext ctx) {
    Future.all(
            server.send(HttpMethod.GET, "/customers", null, null, null),
            server.send(
                HttpMethod.POST,
                "/customers",
                ADMIN,
                Buffer.buffer("x".repeat(CrmTestServer.BODY_LIMIT + 1)),
                "application/json"))
        .onComplete(
            ctx.succeeding(
                replies ->
                    ctx.verify(
                        () -> {
                          assertThat(replies.<HttpReply>resultAt(0).status()).isEqualTo(401);
                          assertThat(replies.<HttpReply>resultAt(1).status()).isEqualTo(413);
                          ctx.completeNow();
                        })));
  }

  private static void check(VertxTestContext ctx, List<Case> cases) {
    List<Future<HttpReply>> replies = new ArrayList<>();
    for (Case c : cases) {
      replies.add(
          server.send(
              c.method(),
              c.path(),
              ADMIN,
              c.body() == null ? null : Buffer.buffer(c.body()),
              c.body() == null ? null : "application/json"));
    }
    Future.all(replies)
        .onComplete(
            ctx.succeeding(
                all ->
                    ctx.verify(
                        () -> {
                          for (int i = 0; i < cases.size(); i++) {
                            Case c = cases.get(i);
                            HttpReply reply = all.resultAt(i);
                            String what =
                                c.method()
                                    + " "
                                    + c.path()
                                    + " "
                                    + shorten(c.body())
                                    + " -> "
                                    + reply;
                            assertThat(reply.status()).as(what).isEqualTo(c.status());
                            assertThat(reply.errorCode()).as(what).isEqualTo(c.code());
                            assertThat(reply.errorFields())
                                .as(what)
                                .containsExactlyInAnyOrderElementsOf(c.fields());
                          }
                          ctx.completeNow();
                        })));
  }

  private static String shorten(String body) {
    return body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "..." : body;
  }
}
