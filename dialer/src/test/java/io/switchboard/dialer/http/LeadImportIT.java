package io.switchboard.dialer.http;

import static io.switchboard.dialer.http.CampaignBodies.mobile;
import static io.switchboard.dialer.http.DialerTestServer.ADMIN;
import static io.switchboard.dialer.http.DialerTestServer.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialer.lead.LeadCsvImport;
import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LeadImportIT {

  private static DialerTestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = DialerTestServer.start(vertx);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static long campaign() {
    return server.post("/campaigns", SUPERVISOR, CampaignBodies.progressive()).json().getLong("id");
  }

  @Test
  void goodRowsAreStoredBadRowsReportedAndLeadsLinkedToTheCustomerWithTheirNumber() {
    long id = campaign();
    String customerNumber = mobile();
    server.execute(
        "INSERT INTO customers (kind, name) VALUES ('individual', 'Wang Fang')",
        "INSERT INTO phone_numbers (customer_id, e164, as_entered) SELECT max(id), '"
            + customerNumber
            + "', 'x' FROM customers");
    String first = mobile();
    String csv =
        "phone,name,time_zone\r\n"
            + first
            + ",First,\r\n"
            + customerNumber.replace("+86", "0086 ")
            + ",Known customer,\r\n"
            + "12,Too short,\r\n"
            + mobile()
            + ",Bad zone,Mars/Olympus\r\n"
            + "+61412345678,Several zones,\r\n";

    HttpReply report =
        server.csv("/campaigns/" + id + "/leads/import?list=March%20list", SUPERVISOR, csv);

    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    JsonObject json = report.json();
    assertThat(json.getInteger("rows")).isEqualTo(5);
    assertThat(json.getInteger("imported")).isEqualTo(3);
    assertThat(json.getInteger("failed")).isEqualTo(2);
    assertThat(json.getJsonArray("errors"))
        .containsExactly(
            error(4, "phone", json.getJsonArray("errors").getJsonObject(0).getString("problem")),
            error(
                5, "time_zone", json.getJsonArray("errors").getJsonObject(1).getString("problem")));
    assertThat(json.getJsonObject("list").getString("name")).isEqualTo("March list");

    JsonArray leads = server.get("/campaigns/" + id + "/leads", ADMIN).json().getJsonArray("items");
    assertThat(leads).hasSize(3);
    JsonObject known = lead(leads, customerNumber);
    assertThat(known.getLong("customerId")).isNotNull();
    assertThat(lead(leads, first).getValue("customerId")).isNull();
    assertThat(lead(leads, first).getString("timeZone")).isEqualTo("Asia/Shanghai");
    assertThat(lead(leads, "+61412345678").getValue("timeZone")).isNull();
    assertThat(lead(leads, first).getString("status")).isEqualTo("ready");
    assertThat(lead(leads, first).getString("nextAttemptAt"))
        .isEqualTo(DialerTestServer.START.toString());
  }

  @Test
  void aSecondImportKeepsTheLeadsAlreadyStoredAndReportsTheirNumbers() {
    long id = campaign();
    String kept = mobile();
    server.csv(
        "/campaigns/" + id + "/leads/import", SUPERVISOR, "phone,name\n" + kept + ",Original\n");
    long firstLead =
        server
            .get("/campaigns/" + id + "/leads", ADMIN)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getLong("id");

    HttpReply second =
        server.csv(
            "/campaigns/" + id + "/leads/import",
            SUPERVISOR,
            "phone,name\n" + kept + ",Renamed\n" + mobile() + ",New\n");

    assertThat(second.json().getInteger("imported")).isEqualTo(1);
    assertThat(second.json().getJsonArray("errors").getJsonObject(0).getString("problem"))
        .contains("already a lead of this campaign");
    JsonObject original = server.get("/leads/" + firstLead, ADMIN).json();
    assertThat(original.getString("name")).isEqualTo("Original");
    JsonArray lists =
        server.get("/campaigns/" + id + "/lead-lists", ADMIN).json().getJsonArray("items");
    assertThat(lists).hasSize(2);
    assertThat(lists.getJsonObject(1).getInteger("imported")).isEqualTo(1);
    assertThat(lists.getJsonObject(1).getInteger("failed")).isEqualTo(1);
  }

  @Test
  void leadsArePagedByTheirId() {
    long id = campaign();
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i < 5; i++) {
      csv.append(mobile()).append('\n');
    }
    server.csv("/campaigns/" + id + "/leads/import", SUPERVISOR, csv.toString());

    JsonObject page1 = server.get("/campaigns/" + id + "/leads?limit=2", ADMIN).json();
    JsonObject page2 =
        server
            .get("/campaigns/" + id + "/leads?limit=2&after=" + page1.getString("nextAfter"), ADMIN)
            .json();
    JsonObject page3 =
        server
            .get("/campaigns/" + id + "/leads?limit=2&after=" + page2.getString("nextAfter"), ADMIN)
            .json();

    assertThat(page1.getJsonArray("items")).hasSize(2);
    assertThat(page2.getJsonArray("items")).hasSize(2);
    assertThat(page3.getJsonArray("items")).hasSize(1);
    assertThat(page3.getValue("nextAfter")).isNull();
  }

  @Test
  void aFileOverTheRowLimitStoresNothing() {
    long id = campaign();
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i <= LeadCsvImport.MAX_ROWS; i++) {
      csv.append("+8613900000000\n");
    }

    HttpReply refused =
        server.csv("/campaigns/" + id + "/leads/import", SUPERVISOR, csv.toString());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorFields()).containsExactly("file");
    assertThat(refused.json().getJsonObject("error").getString("message"))
        .contains("more than " + LeadCsvImport.MAX_ROWS + " rows");
    assertThat(server.get("/campaigns/" + id + "/lead-lists", ADMIN).json().getJsonArray("items"))
        .isEmpty();
  }

  @Test
  void aBodyOverTheNodesLimitIsRefusedBeforeItIsRead() {
    long id = campaign();
    String big = "phone\n" + "1".repeat(DialerTestServer.BODY_LIMIT + 10);

    HttpReply refused = server.csv("/campaigns/" + id + "/leads/import", SUPERVISOR, big);

    assertThat(refused.status()).isEqualTo(413);
  }

  @Test
  void aBadHeaderAWrongContentTypeAndAFinishedCampaignStoreNothing() {
    long id = campaign();

    HttpReply badHeader =
        server.csv(
            "/campaigns/" + id + "/leads/import", SUPERVISOR, "phone,email\n" + mobile() + ",x\n");
    HttpReply json =
        server.send(
            HttpMethod.POST,
            "/campaigns/" + id + "/leads/import",
            SUPERVISOR,
            Buffer.buffer("{}"),
            "application/json");
    server.post("/campaigns/" + id + "/finish", SUPERVISOR, null);
    HttpReply finished =
        server.csv("/campaigns/" + id + "/leads/import", SUPERVISOR, "phone\n" + mobile() + "\n");

    assertThat(badHeader.status()).isEqualTo(422);
    assertThat(badHeader.errorFields()).containsExactly("header");
    assertThat(json.status()).isEqualTo(415);
    assertThat(finished.status()).isEqualTo(409);
    assertThat(server.get("/campaigns/" + id + "/lead-lists", ADMIN).json().getJsonArray("items"))
        .isEmpty();
    assertThat(server.get("/campaigns/999999/leads", ADMIN).status()).isEqualTo(404);
  }

  private static JsonObject error(int row, String column, String problem) {
    return new JsonObject().put("row", row).put("column", column).put("problem", problem);
  }

  private static JsonObject lead(JsonArray leads, String e164) {
    for (Object item : leads) {
      JsonObject lead = (JsonObject) item;
      if (lead.getString("phone").equals(e164)) {
        return lead;
      }
    }
    throw new AssertionError(e164 + " is not among " + leads);
  }
}
