package io.switchboard.crm.http;

import static io.switchboard.crm.http.CrmTestServer.ADMIN;
import static io.switchboard.crm.http.CrmTestServer.mobile;
import static io.switchboard.crm.http.CrmTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CsvImportExportIT {

  private static final String HEADER = "name,kind,customer_type,vip,phones,tags,birthday\r\n";

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
  void goodRowsAreImportedAndEachBadRowIsReportedWithItsColumn(VertxTestContext ctx) {
    String tag = unique("imp");
    String stored = mobile();
    String shared = mobile();
    String csv =
        HEADER
            + row("张伟", "individual", "direct", "yes", "mobile:" + mobile(), tag, "1980-02-29")
            + row("Good Org", "organization", "partner", "no", shared, tag, "")
            + row("", "individual", "", "", "", tag, "")
            + row("Bad Kind", "alien", "", "maybe", "12", tag, "")
            + row("Dup In File", "individual", "", "", "office:" + shared, tag, "")
            + row("Dup In Store", "individual", "", "", stored, tag, "")
            + row("Bad Type", "individual", "emperor", "", "", tag, "");
    CrmFixtures.create(
            server, CrmFixtures.customer(unique("Existing"), "e", null, null, false, stored))
        .compose(existing -> importCsv(csv.getBytes(StandardCharsets.UTF_8), "", "text/csv"))
        .compose(
            reply -> {
              ctx.verify(
                  () -> {
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                    JsonObject report = reply.json();
                    assertThat(report.getInteger("rows")).isEqualTo(7);
                    assertThat(report.getInteger("imported")).isEqualTo(2);
                    assertThat(report.getInteger("failed")).isEqualTo(5);
                    assertThat(errors(report))
                        .contains(
                            "4:name",
                            "5:kind",
                            "5:vip",
                            "5:phones",
                            "6:phones",
                            "7:phones",
                            "8:customer_type");
                    assertThat(problem(report, 6)).contains("also on row 3");
                    assertThat(problem(report, 7)).contains("already belongs to customer");
                  });
              return CrmFixtures.names(server, "/customers?tag=" + tag + "&sort=name");
            })
        .onComplete(
            ctx.succeeding(
                names ->
                    ctx.verify(
                        () -> {
                          assertThat(names).containsExactly("Good Org", "张伟");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aDryRunOrAnAbortImportsNothing(VertxTestContext ctx) {
    String tag = unique("dry");
    String csv =
        HEADER
            + row("One", "individual", "", "", mobile(), tag, "")
            + row("Two", "individual", "", "", "not a phone", tag, "");
    Future.all(
            importCsv(csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true", "text/csv"),
            importCsv(csv.getBytes(StandardCharsets.UTF_8), "?onError=abort", "text/csv"))
        .compose(
            replies -> {
              ctx.verify(
                  () -> {
                    HttpReply dry = replies.resultAt(0);
                    assertThat(dry.status()).isEqualTo(200);
                    assertThat(dry.json().getInteger("wouldImport")).isEqualTo(1);
                    assertThat(dry.json().getInteger("imported")).isZero();
                    HttpReply aborted = replies.resultAt(1);
                    assertThat(aborted.status()).isEqualTo(422);
                    assertThat(aborted.json().getBoolean("aborted")).isTrue();
                    assertThat(aborted.json().getInteger("imported")).isZero();
                  });
              return CrmFixtures.names(server, "/customers?tag=" + tag);
            })
        .onComplete(
            ctx.succeeding(
                names ->
                    ctx.verify(
                        () -> {
                          assertThat(names).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void gbkAndBomFilesAreReadAndBadEncodingsOrHeadersImportNothing(VertxTestContext ctx) {
    String tag = unique("enc");
    String gbkCsv = HEADER + row("李娜", "individual", "", "是", mobile(), tag, "");
    byte[] gbk = gbkCsv.getBytes(Charset.forName("GBK"));
    byte[] bom =
        ("\uFEFF" + HEADER + row("王芳", "individual", "", "", mobile(), tag, ""))
            .getBytes(StandardCharsets.UTF_8);
    byte[] garbage = (HEADER + "Name,individual,,,,,\r\n").getBytes(StandardCharsets.UTF_8);
    garbage[HEADER.length()] = (byte) 0xFF;
    garbage[HEADER.length() + 1] = (byte) 0xFF;
    Future.all(
            java.util.List.of(
                importCsv(gbk, "", "text/csv"),
                importCsv(bom, "", "text/csv"),
                importCsv(garbage, "", "text/csv"),
                importCsv(gbk, "?charset=UTF-8", "text/csv"),
                importCsv(
                    ("nom,kind\r\n" + row("X", "individual")).getBytes(StandardCharsets.UTF_8),
                    "",
                    "text/csv"),
                importCsv(
                    "name,kind\r\n\"unclosed,individual\r\n".getBytes(StandardCharsets.UTF_8),
                    "",
                    "text/csv"),
                importCsv(gbk, "?charset=klingon", "text/csv"),
                importCsv(gbk, "", "application/json")))
        .compose(
            replies -> {
              ctx.verify(
                  () -> {
                    HttpReply fromGbk = replies.resultAt(0);
                    assertThat(fromGbk.status()).as(fromGbk.toString()).isEqualTo(200);
                    assertThat(fromGbk.json().getString("charset")).isEqualTo("GB18030");
                    assertThat(fromGbk.json().getInteger("imported")).isEqualTo(1);
                    assertThat(replies.<HttpReply>resultAt(1).json().getInteger("imported"))
                        .isEqualTo(1);
                    assertThat(replies.<HttpReply>resultAt(2).status()).isEqualTo(400);
                    assertThat(replies.<HttpReply>resultAt(2).errorFields())
                        .containsExactly("file");
                    assertThat(replies.<HttpReply>resultAt(3).status()).isEqualTo(400);
                    HttpReply badHeader = replies.resultAt(4);
                    assertThat(badHeader.status()).isEqualTo(422);
                    assertThat(badHeader.json().getJsonObject("error").getString("message"))
                        .contains("nom");
                    assertThat(replies.<HttpReply>resultAt(5).status()).isEqualTo(400);
                    assertThat(replies.<HttpReply>resultAt(6).errorFields())
                        .containsExactly("charset");
                    assertThat(replies.<HttpReply>resultAt(7).status()).isEqualTo(415);
                  });
              return CrmFixtures.names(server, "/customers?tag=" + tag + "&sort=name");
            })
        .onComplete(
            ctx.succeeding(
                names ->
                    ctx.verify(
                        () -> {
                          assertThat(names).containsExactlyInAnyOrder("李娜", "王芳");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anExportImportsBackIntoTheSameCustomers(VertxTestContext ctx) {
    String tag = unique("trip");
    JsonObject detailed =
        CrmFixtures.customer("Round, \"Trip\" 有限公司", tag, null, "b", true, mobile())
            .put("notes", "line one\nline two")
            .put("birthday", "1975-12-01")
            .put("tags", new JsonArray().add(tag).add("second"));
    CrmFixtures.create(server, detailed)
        .compose(
            one ->
                CrmFixtures.create(
                    server, CrmFixtures.customer("Plain", tag, null, null, false, mobile())))
        .compose(
            two ->
                server.send(
                    HttpMethod.GET,
                    "/customers/export?tag=" + tag + "&sort=name",
                    ADMIN,
                    null,
                    null))
        .compose(
            export -> {
              String text = export.body().toString(StandardCharsets.UTF_8);
              ctx.verify(
                  () -> {
                    assertThat(export.status()).isEqualTo(200);
                    assertThat(export.headers().get("content-type")).startsWith("text/csv");
                    assertThat(text).startsWith("\uFEFFid,name,kind");
                    assertThat(text.lines().filter(line -> !line.isEmpty()).count())
                        .isGreaterThanOrEqualTo(3);
                  });
              // The numbers are taken; import them into an empty copy: delete the originals first.
              return CrmFixtures.searchIds(server, "/customers?tag=" + tag)
                  .compose(
                      ids ->
                          Future.all(
                              ids.stream()
                                  .map(id -> server.delete("/customers/" + id, ADMIN))
                                  .toList()))
                  .compose(
                      deleted -> importCsv(export.body().getBytes(), "", "text/csv; charset=utf-8"))
                  .compose(
                      reimport -> {
                        ctx.verify(
                            () -> {
                              assertThat(reimport.status()).as(reimport.toString()).isEqualTo(200);
                              assertThat(reimport.json().getInteger("imported")).isEqualTo(2);
                            });
                        return server.get("/customers?tag=" + tag + "&sort=name", ADMIN);
                      });
            })
        .onComplete(
            ctx.succeeding(
                page ->
                    ctx.verify(
                        () -> {
                          JsonArray items = page.json().getJsonArray("items");
                          assertThat(items).hasSize(2);
                          JsonObject back = items.getJsonObject(1);
                          assertThat(back.getString("name")).isEqualTo("Round, \"Trip\" 有限公司");
                          assertThat(back.getString("notes")).isEqualTo("line one\nline two");
                          assertThat(back.getString("birthday")).isEqualTo("1975-12-01");
                          assertThat(back.getString("valueTier")).isEqualTo("b");
                          assertThat(back.getBoolean("vip")).isTrue();
                          assertThat(back.getJsonArray("tags").getList())
                              .containsExactlyInAnyOrder(tag, "second");
                          assertThat(back.getJsonArray("phones").getJsonObject(0).getString("e164"))
                              .isEqualTo(
                                  detailed
                                      .getJsonArray("phones")
                                      .getJsonObject(0)
                                      .getString("number")
                                      .replace(" ", ""));
                          ctx.completeNow();
                        })));
  }

  private static Future<HttpReply> importCsv(byte[] bytes, String query, String type) {
    return server.send(
        HttpMethod.POST, "/customers/import" + query, ADMIN, Buffer.buffer(bytes), type);
  }

  private static String row(String... cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(i == 0 ? "" : ",").append(cells[i]);
    }
    return line.append("\r\n").toString();
  }

  private static java.util.List<String> errors(JsonObject report) {
    java.util.List<String> errors = new java.util.ArrayList<>();
    report
        .getJsonArray("errors")
        .forEach(
            e ->
                errors.add(
                    ((JsonObject) e).getInteger("row")
                        + ":"
                        + ((JsonObject) e).getString("column")));
    return errors;
  }

  private static String problem(JsonObject report, int row) {
    StringBuilder problems = new StringBuilder();
    report.getJsonArray("errors").stream()
        .map(e -> (JsonObject) e)
        .filter(e -> e.getInteger("row") == row)
        .forEach(e -> problems.append(e.getString("problem")).append("; "));
    return problems.toString();
  }
}
