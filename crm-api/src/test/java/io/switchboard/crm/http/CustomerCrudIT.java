package io.switchboard.crm.http;

import static io.switchboard.crm.http.CrmTestServer.ADMIN;
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
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CustomerCrudIT {

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

  static JsonObject organisation(String name, String phone) {
    return new JsonObject()
        .put("kind", "organization")
        .put("name", name)
        .put("customerType", "partner")
        .put("valueTier", "a")
        .put("vip", true)
        .put("email", "sales@example.com")
        .put("website", "https://example.com")
        .put("fax", "010 6552 9988")
        .put("mainProducts", "Steel pipes")
        .put("tags", new JsonArray().add("steel").add("north"))
        .put(
            "phones",
            new JsonArray().add(new JsonObject().put("number", phone).put("label", "office")))
        .put(
            "addresses",
            new JsonArray()
                .add(new JsonObject().put("line", "1 Chang'an Ave").put("postalCode", "100000")))
        .put(
            "anniversaries",
            new JsonArray().add(new JsonObject().put("kind", "founding").put("day", "2001-03-15")));
  }

  @Test
  void aCreatedCustomerIsReadBackWithItsListsAndEveryStepIsAudited(VertxTestContext ctx) {
    String name = unique("Acme");
    String phone = mobile();
    server
        .post("/customers", ADMIN, organisation(name, phone))
        .compose(
            created -> {
              ctx.verify(
                  () -> {
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    JsonObject body = created.json();
                    assertThat(body.getString("name")).isEqualTo(name);
                    assertThat(body.getString("fax")).isEqualTo("+861065529988");
                    assertThat(body.getJsonArray("phones").getJsonObject(0).getString("e164"))
                        .isEqualTo(phone.replace(" ", ""));
                    assertThat(body.getJsonArray("phones").getJsonObject(0).getString("asEntered"))
                        .isEqualTo(phone);
                    assertThat(body.getJsonArray("tags").getList())
                        .containsExactly("north", "steel");
                    assertThat(body.getJsonArray("anniversaries")).hasSize(1);
                    assertThat(created.headers().get("location"))
                        .isEqualTo("/api/v1/customers/" + body.getLong("id"));
                  });
              return server.get("/customers/" + created.json().getLong("id"), ADMIN);
            })
        .compose(
            read -> {
              ctx.verify(() -> assertThat(read.status()).isEqualTo(200));
              return audit(read.json().getLong("id"));
            })
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .extracting(r -> r.getString("action"))
                              .containsExactly("create", "read");
                          assertThat(rows.get(0).getLong("user_id")).isEqualTo(1L);
                          assertThat(rows.get(0).getValue("before")).isNull();
                          assertThat(((JsonObject) rows.get(0).getValue("after")).getString("name"))
                              .isEqualTo(name);
                          assertThat(rows.get(1).getString("detail")).isEqualTo("get");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anUpdateChangesOnlyTheGivenFieldsAndIsAuditedWithBeforeAndAfter(VertxTestContext ctx) {
    String name = unique("Update");
    server
        .post("/customers", ADMIN, organisation(name, mobile()))
        .compose(
            created ->
                server.patch(
                    "/customers/" + created.json().getLong("id"),
                    AGENT,
                    new JsonObject().put("valueTier", "b").put("version", 0)))
        .compose(
            updated -> {
              ctx.verify(
                  () -> {
                    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
                    assertThat(updated.json().getString("valueTier")).isEqualTo("b");
                    assertThat(updated.json().getString("name")).isEqualTo(name);
                    assertThat(updated.json().getJsonArray("tags")).hasSize(2);
                    assertThat(updated.json().getInteger("version")).isEqualTo(1);
                  });
              long id = updated.json().getLong("id");
              return server
                  .patch(
                      "/customers/" + id,
                      AGENT,
                      new JsonObject().put("vip", false).put("version", 0))
                  .compose(stale -> audit(id).map(rows -> new Object[] {stale, rows}));
            })
        .onComplete(
            ctx.succeeding(
                pair ->
                    ctx.verify(
                        () -> {
                          HttpReply stale = (HttpReply) pair[0];
                          assertThat(stale.status()).isEqualTo(409);
                          assertThat(stale.errorFields()).containsExactly("version");
                          @SuppressWarnings("unchecked")
                          List<Row> rows = (List<Row>) pair[1];
                          Row update = rows.get(rows.size() - 1);
                          assertThat(update.getString("action")).isEqualTo("update");
                          assertThat(update.getLong("user_id")).isEqualTo(3L);
                          assertThat(
                                  ((JsonObject) update.getValue("before")).getString("valueTier"))
                              .isEqualTo("a");
                          assertThat(((JsonObject) update.getValue("after")).getString("valueTier"))
                              .isEqualTo("b");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aSoftDeletedCustomerDisappearsUntilRestoredAndOnlyPermittedRolesMayDoEither(
      VertxTestContext ctx) {
    String phone = mobile();
    server
        .post("/customers", ADMIN, organisation(unique("Gone"), phone))
        .compose(
            created -> {
              long id = created.json().getLong("id");
              return server
                  .delete("/customers/" + id, AGENT)
                  .compose(
                      forbidden -> {
                        ctx.verify(() -> assertThat(forbidden.status()).isEqualTo(403));
                        return server.delete("/customers/" + id, ADMIN);
                      })
                  .compose(
                      deleted -> {
                        ctx.verify(() -> assertThat(deleted.status()).isEqualTo(204));
                        return Future.all(
                            server.get("/customers/" + id, ADMIN),
                            server.get(
                                "/customers/lookup?phone="
                                    + phone.replace(" ", "").replace("+", "%2B"),
                                ADMIN),
                            server.delete("/customers/" + id, ADMIN),
                            server.get("/customers/" + id + "?includeDeleted=true", ADMIN));
                      })
                  .compose(
                      after -> {
                        ctx.verify(
                            () -> {
                              assertThat(((HttpReply) after.resultAt(0)).status()).isEqualTo(404);
                              assertThat(
                                      ((HttpReply) after.resultAt(1))
                                          .json()
                                          .getJsonArray("matches"))
                                  .isEmpty();
                              assertThat(((HttpReply) after.resultAt(2)).status()).isEqualTo(409);
                              HttpReply withDeleted = after.resultAt(3);
                              assertThat(withDeleted.json().getString("deletedAt")).isNotNull();
                            });
                        return server.post("/customers/" + id + "/restore", ADMIN, null);
                      })
                  .compose(
                      restored -> {
                        ctx.verify(
                            () -> {
                              assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
                              assertThat(restored.json().getValue("deletedAt")).isNull();
                            });
                        return audit(id);
                      });
            })
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .extracting(r -> r.getString("action"))
                              .contains("delete", "restore");
                          Row delete =
                              rows.stream()
                                  .filter(r -> r.getString("action").equals("delete"))
                                  .findFirst()
                                  .orElseThrow();
                          assertThat(((JsonObject) delete.getValue("before")).getValue("deletedAt"))
                              .isNull();
                          assertThat(((JsonObject) delete.getValue("after")).getValue("deletedAt"))
                              .isNotNull();
                          ctx.completeNow();
                        })));
  }

  @Test
  void anAgentSeesPhoneNumbersThroughTheSensitiveFieldPolicy(VertxTestContext ctx) {
    server
        .post("/customers", AGENT, organisation(unique("Masked"), mobile()))
        .onComplete(
            ctx.succeeding(
                created ->
                    ctx.verify(
                        () -> {
                          assertThat(created.status()).isEqualTo(201);
                          assertThat(
                                  created
                                      .json()
                                      .getJsonArray("phones")
                                      .getJsonObject(0)
                                      .getString("e164"))
                              .isEqualTo(TestMaskingPolicy.MASK);
                          assertThat(created.json().getString("fax"))
                              .isEqualTo(TestMaskingPolicy.MASK);
                          ctx.completeNow();
                        })));
  }

  @Test
  void contactsBelongToOrganisationsAndTheirNumbersAreNormalised(VertxTestContext ctx) {
    server
        .post("/customers", ADMIN, organisation(unique("WithContacts"), mobile()))
        .compose(
            org ->
                server.post(
                    "/customers/" + org.json().getLong("id") + "/contacts",
                    ADMIN,
                    new JsonObject()
                        .put("name", "Li Wei")
                        .put("title", "Buyer")
                        .put(
                            "phones",
                            new JsonArray()
                                .add(new JsonObject().put("number", "0086 138 0013 8001")))))
        .compose(
            contact -> {
              ctx.verify(
                  () -> {
                    assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
                    assertThat(
                            contact
                                .json()
                                .getJsonArray("phones")
                                .getJsonObject(0)
                                .getString("e164"))
                        .isEqualTo("+8613800138001");
                  });
              return server.post(
                  "/customers",
                  ADMIN,
                  new JsonObject().put("kind", "individual").put("name", unique("Person")));
            })
        .compose(
            person ->
                server.post(
                    "/customers/" + person.json().getLong("id") + "/contacts",
                    ADMIN,
                    new JsonObject().put("name", "Nobody")))
        .onComplete(
            ctx.succeeding(
                refused ->
                    ctx.verify(
                        () -> {
                          assertThat(refused.status()).isEqualTo(422);
                          assertThat(refused.errorFields()).containsExactly("customerId");
                          ctx.completeNow();
                        })));
  }

  static Future<List<Row>> audit(long customerId) {
    return audit(server, customerId);
  }

  static Future<List<Row>> audit(CrmTestServer server, long customerId) {
    return server
        .postgres
        .pool()
        .preparedQuery(
            "SELECT action, user_id, detail, before, after FROM audit_log"
                + " WHERE entity = 'customer' AND entity_id = $1 ORDER BY id")
        .execute(Tuple.of(Long.toString(customerId)))
        .map(
            rows -> {
              List<Row> list = new ArrayList<>();
              rows.forEach(list::add);
              return list;
            });
  }
}
