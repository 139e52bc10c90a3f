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
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CustomerLookupIT {

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
  void aCallerIdInEveryUsualFormatFindsItsCustomer(VertxTestContext ctx) {
    String phone = mobile();
    String national = phone.replace("+86 ", "").replace(" ", "");
    String name = unique("Caller");
    List<String> formats =
        List.of(
            phone,
            "+86" + national,
            "0086" + national,
            "0" + national,
            national,
            national.substring(0, 3) + "-" + national.substring(3, 7) + "-" + national.substring(7),
            "(" + national.substring(0, 3) + ") " + national.substring(3));
    CrmFixtures.create(server, CrmFixtures.customer(name, "x", null, null, false, phone))
        .compose(
            created -> {
              List<Future<HttpReply>> lookups = new ArrayList<>();
              formats.forEach(format -> lookups.add(lookup(format, ADMIN)));
              return Future.all(lookups);
            })
        .onComplete(
            ctx.succeeding(
                replies ->
                    ctx.verify(
                        () -> {
                          for (int i = 0; i < formats.size(); i++) {
                            HttpReply reply = replies.resultAt(i);
                            assertThat(reply.status()).as(formats.get(i)).isEqualTo(200);
                            JsonArray matches = reply.json().getJsonArray("matches");
                            assertThat(matches).as(formats.get(i)).hasSize(1);
                            assertThat(matches.getJsonObject(0).getString("name")).isEqualTo(name);
                            assertThat(reply.json().getString("phone")).isEqualTo("+86" + national);
                          }
                          ctx.completeNow();
                        })));
  }

  @Test
  void allMatchesComeBackRankedOwnNumberFirstThenVipAndEachHitIsAudited(VertxTestContext ctx) {
    String shared = mobile();
    CrmFixtures.create(
            server, CrmFixtures.customer(unique("Plain"), "r", null, null, false, shared))
        .compose(
            plain ->
                CrmFixtures.create(
                    server, CrmFixtures.customer(unique("Vip"), "r", null, null, true, shared)))
        .compose(
            vip ->
                CrmFixtures.create(
                    server, CrmFixtures.customer(unique("Org"), "r", null, null, true, mobile())))
        .compose(
            org ->
                server.post(
                    "/customers/" + org.json().getLong("id") + "/contacts",
                    ADMIN,
                    new JsonObject()
                        .put("name", "Front desk")
                        .put(
                            "phones", new JsonArray().add(new JsonObject().put("number", shared)))))
        .compose(contact -> lookup(shared, AGENT))
        .compose(
            reply -> {
              JsonArray matches = reply.json().getJsonArray("matches");
              ctx.verify(
                  () -> {
                    assertThat(matches).hasSize(3);
                    assertThat(matches.getJsonObject(0).getString("name")).startsWith("Vip");
                    assertThat(matches.getJsonObject(1).getString("name")).startsWith("Plain");
                    assertThat(matches.getJsonObject(2).getJsonObject("match").getString("via"))
                        .isEqualTo("contact");
                    assertThat(
                            matches
                                .getJsonObject(2)
                                .getJsonObject("match")
                                .getString("contactName"))
                        .isEqualTo("Front desk");
                    assertThat(matches.getJsonObject(0).getJsonObject("match").getString("e164"))
                        .isEqualTo(TestMaskingPolicy.MASK);
                  });
              List<String> ids = new ArrayList<>();
              matches.forEach(m -> ids.add(Long.toString(((JsonObject) m).getLong("customerId"))));
              return server
                  .postgres
                  .pool()
                  .preparedQuery(
                      "SELECT count(*) FROM audit_log WHERE action = 'read' AND detail = 'lookup'"
                          + " AND user_id = 3 AND entity_id = ANY($1)")
                  .execute(Tuple.of(ids.toArray(String[]::new)))
                  .map(rows -> rows.iterator().next().getLong(0));
            })
        .onComplete(
            ctx.succeeding(
                audited ->
                    ctx.verify(
                        () -> {
                          assertThat(audited).isEqualTo(3L);
                          ctx.completeNow();
                        })));
  }

  @Test
  void anUnparseableNumberIs422NamingItAndAMissingOneIs400(VertxTestContext ctx) {
    Future.all(
            lookup("anonymous", ADMIN),
            server.get("/customers/lookup", ADMIN),
            lookup("+999 1", ADMIN))
        .onComplete(
            ctx.succeeding(
                replies ->
                    ctx.verify(
                        () -> {
                          HttpReply bad = replies.resultAt(0);
                          assertThat(bad.status()).isEqualTo(422);
                          assertThat(bad.errorFields()).containsExactly("phone");
                          assertThat(bad.json().getJsonObject("error").getString("message"))
                              .contains("anonymous");
                          HttpReply missing = replies.resultAt(1);
                          assertThat(missing.status()).isEqualTo(400);
                          assertThat(missing.errorFields()).containsExactly("phone");
                          assertThat(replies.<HttpReply>resultAt(2).status()).isEqualTo(422);
                          ctx.completeNow();
                        })));
  }

  static Future<HttpReply> lookup(String phone, String user) {
    return server.get(
        "/customers/lookup?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), user);
  }
}
