package io.switchboard.crm.http;

import static io.switchboard.crm.http.CrmTestServer.ADMIN;
import static io.switchboard.crm.http.CrmTestServer.mobile;
import static io.switchboard.crm.http.CrmTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CustomerSearchIT {

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
  void manyConditionsCombineAndARegionIncludesEverythingBelowIt(VertxTestContext ctx) {
    String tag = unique("t");
    String phoneOfSecond = mobile();
    CrmFixtures.region(server, null, "region", unique("East"))
        .compose(
            east ->
                CrmFixtures.region(server, east, "province", "Zhejiang")
                    .compose(province -> CrmFixtures.region(server, province, "city", "Hangzhou"))
                    .compose(
                        city ->
                            CrmFixtures.region(server, city, "district", "Xihu")
                                .compose(
                                    district ->
                                        Future.all(
                                            CrmFixtures.create(
                                                server,
                                                CrmFixtures.customer(
                                                    "Alpha", tag, district, "a", true, mobile())),
                                            CrmFixtures.create(
                                                server,
                                                CrmFixtures.customer(
                                                    "Beta", tag, city, "b", false, phoneOfSecond)),
                                            CrmFixtures.create(
                                                server,
                                                CrmFixtures.customer(
                                                    "Gamma", tag, null, "a", true, mobile())))))
                    .compose(
                        created ->
                            Future.all(
                                CrmFixtures.names(
                                    server, "/customers?tag=" + tag + "&region=" + east),
                                CrmFixtures.names(
                                    server,
                                    "/customers?tag="
                                        + tag
                                        + "&region="
                                        + east
                                        + "&tier=a&vip=true"),
                                CrmFixtures.names(
                                    server,
                                    "/customers?tag="
                                        + tag
                                        + "&phone="
                                        + phoneOfSecond.substring(8, 13)),
                                CrmFixtures.names(
                                    server,
                                    "/customers?tag="
                                        + tag
                                        + "&type=partner&owner=3&kind=organization"),
                                CrmFixtures.names(server, "/customers?tag=" + tag + "&name=alp"),
                                CrmFixtures.names(
                                    server, "/customers?tag=" + tag + "&createdFrom=2999-01-01"))))
        .onComplete(
            ctx.succeeding(
                results ->
                    ctx.verify(
                        () -> {
                          assertThat(results.<List<String>>resultAt(0))
                              .containsExactly("Alpha", "Beta");
                          assertThat(results.<List<String>>resultAt(1)).containsExactly("Alpha");
                          assertThat(results.<List<String>>resultAt(2)).containsExactly("Beta");
                          assertThat(results.<List<String>>resultAt(3))
                              .containsExactly("Alpha", "Beta", "Gamma");
                          assertThat(results.<List<String>>resultAt(4)).containsExactly("Alpha");
                          assertThat(results.<List<String>>resultAt(5)).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void pagesFollowTheSortWithoutGapsOrRepeats(VertxTestContext ctx) {
    String tag = unique("page");
    List<Future<HttpReply>> creations = new ArrayList<>();
    for (String name : List.of("Echo", "Alpha", "Delta", "Charlie", "Bravo")) {
      creations.add(
          CrmFixtures.create(server, CrmFixtures.customer(name, tag, null, null, false, mobile())));
    }
    Future.all(creations)
        .compose(
            done ->
                Future.all(
                    server.get("/customers?tag=" + tag + "&sort=name&limit=2", ADMIN),
                    server.get("/customers?tag=" + tag + "&sort=name&limit=2&offset=2", ADMIN),
                    server.get("/customers?tag=" + tag + "&sort=name&limit=2&offset=4", ADMIN),
                    CrmFixtures.names(server, "/customers?tag=" + tag + "&sort=-name"),
                    CrmFixtures.names(
                        server, "/customers?tag=" + tag + "&sort=-createdAt&limit=1")))
        .onComplete(
            ctx.succeeding(
                pages ->
                    ctx.verify(
                        () -> {
                          List<String> all = new ArrayList<>();
                          for (int i = 0; i < 3; i++) {
                            JsonObject page = pages.<HttpReply>resultAt(i).json();
                            assertThat(page.getBoolean("hasMore")).isEqualTo(i < 2);
                            all.addAll(CrmFixtures.names(page));
                          }
                          assertThat(all)
                              .containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Echo");
                          assertThat(pages.<HttpReply>resultAt(0).json().getInteger("nextOffset"))
                              .isEqualTo(2);
                          assertThat(pages.<List<String>>resultAt(3))
                              .containsExactly("Echo", "Delta", "Charlie", "Bravo", "Alpha");
                          assertThat(pages.<List<String>>resultAt(4)).hasSize(1);
                          ctx.completeNow();
                        })));
  }
}
