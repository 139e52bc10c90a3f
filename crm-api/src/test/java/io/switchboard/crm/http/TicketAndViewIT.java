package io.switchboard.crm.http;

import static io.switchboard.crm.http.CrmTestServer.AGENT;
import static io.switchboard.crm.http.CrmTestServer.mobile;
import static io.switchboard.crm.http.CrmTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TicketAndViewIT {

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

  @Test
  void aTicketMovesOneStepAtATimeAndRefusesEveryOtherMove(VertxTestContext ctx) {
    newCustomer()
        .compose(id -> server.post("/tickets", AGENT, ticket(id)))
        .compose(
            created -> {
              ctx.verify(() -> assertThat(created.status()).as(created.toString()).isEqualTo(201));
              String path = "/tickets/" + created.json().getLong("id");
              return status(path, "resolved", null)
                  .compose(skip -> check(ctx, skip, 409, "status"))
                  .compose(x -> status(path, "assigned", null))
                  .compose(noAssignee -> check(ctx, noAssignee, 422, "assigneeUserId"))
                  .compose(
                      x ->
                          server.put(
                              path + "/satisfaction", AGENT, new JsonObject().put("score", 5)))
                  .compose(early -> check(ctx, early, 409, null))
                  .compose(x -> status(path, "assigned", 4L))
                  .compose(ok -> check(ctx, ok, 200, null))
                  .compose(x -> status(path, "in_progress", null))
                  .compose(ok -> check(ctx, ok, 200, null))
                  .compose(
                      x ->
                          server.post(
                              path + "/work-records",
                              OTHER,
                              new JsonObject().put("note", "Replaced the part").put("minutes", 30)))
                  .compose(ok -> check(ctx, ok, 201, null))
                  .compose(x -> status(path, "resolved", null))
                  .compose(
                      x ->
                          server.put(
                              path + "/satisfaction",
                              AGENT,
                              new JsonObject().put("score", 4).put("comment", "quick")))
                  .compose(ok -> check(ctx, ok, 200, null))
                  .compose(x -> status(path, "closed", null))
                  .compose(x -> status(path, "in_progress", null))
                  .compose(reopen -> check(ctx, reopen, 409, "status"))
                  .compose(x -> server.get(path, AGENT));
            })
        .onComplete(
            ctx.succeeding(
                done ->
                    ctx.verify(
                        () -> {
                          JsonObject ticket = done.json();
                          assertThat(ticket.getString("status")).isEqualTo("closed");
                          assertThat(ticket.getLong("assigneeUserId")).isEqualTo(4L);
                          assertThat(ticket.getInteger("satisfaction")).isEqualTo(4);
                          assertThat(ticket.getJsonArray("workRecords")).hasSize(1);
                          assertThat(ticket.getString("resolvedAt")).isNotNull();
                          assertThat(ticket.getString("closedAt")).isNotNull();
                          ctx.completeNow();
                        })));
  }

  @Test
  void theDatabaseRefusesASkippedStepEvenWithoutTheApi(VertxTestContext ctx) {
    newCustomer()
        .compose(id -> server.post("/tickets", AGENT, ticket(id)))
        .compose(
            created ->
                server
                    .postgres
                    .pool()
                    .preparedQuery("UPDATE tickets SET status = 'closed' WHERE id = $1")
                    .execute(Tuple.of(created.json().getLong("id"))))
        .onComplete(
            ctx.failing(
                refused ->
                    ctx.verify(
                        () -> {
                          assertThat(refused).hasMessageContaining("cannot go from new to closed");
                          ctx.completeNow();
                        })));
  }

  @Test
  void the360ViewBringsEverythingAboutACustomerInOneAnswerAndIsAudited(VertxTestContext ctx) {
    newCustomer()
        .compose(
            id ->
                Future.all(
                        server.post("/tickets", AGENT, ticket(id)),
                        server.post(
                            "/customers/" + id + "/contacts",
                            AGENT,
                            new JsonObject().put("name", "Zhang San")),
                        server.post(
                            "/callbacks",
                            AGENT,
                            new JsonObject()
                                .put("customerId", id)
                                .put("phone", mobile())
                                .put("dueAt", "2030-01-01T09:00:00+08:00")
                                .put("assignedUserId", 3)
                                .put("reason", "Wants a quote")),
                        server.post(
                            "/customers/" + id + "/notes",
                            AGENT,
                            new JsonObject().put("body", "Prefers mornings")),
                        server.post(
                            "/customers/" + id + "/dispositions",
                            AGENT,
                            new JsonObject().put("code", "information_given")),
                        call(id))
                    .map(id))
        .compose(
            id ->
                server
                    .get("/customers/" + id + "/360", AGENT)
                    .map(reply -> new Object[] {id, reply}))
        .compose(
            pair -> {
              HttpReply reply = (HttpReply) pair[1];
              ctx.verify(
                  () -> {
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                    JsonObject view = reply.json();
                    assertThat(view.getJsonObject("customer").getString("name")).startsWith("View");
                    assertThat(view.getJsonArray("contacts")).hasSize(1);
                    assertThat(view.getJsonArray("openTickets")).hasSize(1);
                    assertThat(view.getJsonArray("pendingCallbacks")).hasSize(1);
                    assertThat(view.getJsonArray("recentCalls")).hasSize(1);
                    JsonArray timeline = view.getJsonArray("timeline");
                    assertThat(timeline.stream().map(item -> ((JsonObject) item).getString("kind")))
                        .containsExactlyInAnyOrder(
                            "call", "note", "callback", "ticket", "disposition");
                    assertThat(
                            view.getJsonObject("customer")
                                .getJsonArray("phones")
                                .getJsonObject(0)
                                .getString("e164"))
                        .isEqualTo(TestMaskingPolicy.MASK);
                  });
              return CustomerCrudIT.audit(server, (Long) pair[0]);
            })
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .anyMatch(
                                  row ->
                                      row.getString("action").equals("read")
                                          && row.getString("detail").equals("360")
                                          && row.getLong("user_id") == 3L);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aSecondOpenCallbackForTheSameNumberIsADuplicate(VertxTestContext ctx) {
    JsonObject callback =
        new JsonObject()
            .put("phone", mobile())
            .put("dueAt", "2030-01-01T09:00:00Z")
            .put("assignedQueue", "sales");
    server
        .post("/callbacks", AGENT, callback)
        .compose(
            first ->
                server
                    .post("/callbacks", AGENT, callback)
                    .map(second -> new HttpReply[] {first, second}))
        .compose(
            replies -> {
              ctx.verify(
                  () -> {
                    assertThat(replies[0].status()).isEqualTo(201);
                    assertThat(replies[1].status()).isEqualTo(409);
                    assertThat(replies[1].errorFields()).containsExactly("phone");
                  });
              return server.patch(
                  "/callbacks/" + replies[0].json().getLong("id"),
                  AGENT,
                  new JsonObject().put("status", "done").put("outcome", "Sold"));
            })
        .compose(
            done -> {
              ctx.verify(() -> assertThat(done.json().getString("status")).isEqualTo("done"));
              return server.patch(
                  "/callbacks/" + done.json().getLong("id"),
                  AGENT,
                  new JsonObject().put("status", "pending"));
            })
        .onComplete(
            ctx.succeeding(
                reopened ->
                    ctx.verify(
                        () -> {
                          assertThat(reopened.status()).isEqualTo(409);
                          ctx.completeNow();
                        })));
  }

  private static final String OTHER = CrmTestServer.OTHER_AGENT;

  private static Future<Long> newCustomer() {
    return CrmFixtures.create(
            server, CrmFixtures.customer(unique("View"), "v", null, null, false, mobile()))
        .map(reply -> reply.json().getLong("id"));
  }

  private static JsonObject ticket(long customerId) {
    return new JsonObject()
        .put("customerId", customerId)
        .put("kind", "complaint")
        .put("subject", "Delivery late")
        .put("priority", "high");
  }

  private static Future<HttpReply> status(String path, String status, Long assignee) {
    JsonObject body = new JsonObject().put("status", status);
    if (assignee != null) {
      body.put("assigneeUserId", assignee);
    }
    return server.post(path + "/status", AGENT, body);
  }

  private static Future<Void> check(
      VertxTestContext ctx, HttpReply reply, int status, String field) {
    ctx.verify(
        () -> {
          assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
          if (field != null) {
            assertThat(reply.errorFields()).containsExactly(field);
          }
        });
    return Future.succeededFuture();
  }

  private static Future<Void> call(long customerId) {
    return server
        .postgres
        .pool()
        .preparedQuery(
            "INSERT INTO call_logs (server_id, linked_id, direction, caller_number, customer_id,"
                + " agent_user_id, started_at, ended_at, outcome) VALUES ('pbx1', $1, 'inbound',"
                + " '+8613900000000', $2, 3, now() - interval '5 minutes', now(), 'answered')")
        .execute(Tuple.of(unique("linked"), customerId))
        .mapEmpty();
  }
}
