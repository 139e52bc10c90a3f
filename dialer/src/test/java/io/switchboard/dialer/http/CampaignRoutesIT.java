package io.switchboard.dialer.http;

import static io.switchboard.dialer.http.DialerTestServer.ADMIN;
import static io.switchboard.dialer.http.DialerTestServer.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CampaignRoutesIT {

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
  void aCampaignIsCreatedReadListedAndTheCrmRoutesStillAnswerBesideIt() {
    JsonObject body = CampaignBodies.progressive();

    HttpReply created = server.post("/campaigns", SUPERVISOR, body);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject campaign = created.json();
    long id = campaign.getLong("id");
    assertThat(created.headers().get("location")).isEqualTo("/api/v1/campaigns/" + id);
    assertThat(campaign.getString("status")).isEqualTo("draft");
    assertThat(campaign.getString("callerId")).isEqualTo("+861065529988");
    assertThat(campaign.getInteger("ringLimitSeconds")).isEqualTo(20);
    assertThat(campaign.getLong("createdBy")).isEqualTo(2);
    assertThat(
            campaign
                .getJsonObject("retryRules")
                .getJsonObject("noAnswer")
                .getInteger("delayMinutes"))
        .isEqualTo(60);
    assertThat(server.get("/campaigns/" + id, ADMIN).json()).isEqualTo(campaign);
    assertThat(server.get("/campaigns?status=draft&limit=500", ADMIN).json().getJsonArray("items"))
        .contains(campaign);
    assertThat(server.get("/customers", ADMIN).json().getBoolean("crm")).isTrue();
  }

  @Test
  void aBadCampaignIsRefusedNamingEachField() {
    JsonObject body =
        CampaignBodies.progressive()
            .put("ringLimitSeconds", 10)
            .put("agentGroup", "team-a")
            .put("abandonRateTarget", 0.5);
    body.getJsonObject("callingWindow").put("end", "08:00");

    HttpReply refused = server.post("/campaigns", SUPERVISOR, body);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(refused.errorFields())
        .containsExactlyInAnyOrder(
            "ringLimitSeconds", "agentGroup", "abandonRateTarget", "callingWindow.end");
  }

  @Test
  void aSecondCampaignWithTheSameNameIsAConflictOnTheName() {
    JsonObject body = CampaignBodies.progressive();
    server.post("/campaigns", SUPERVISOR, body);

    HttpReply again =
        server.post(
            "/campaigns",
            SUPERVISOR,
            body.copy().put("name", body.getString("name").toUpperCase()));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorFields()).containsExactly("name");
  }

  @Test
  void aDraftIsChangedFieldByFieldAndARunningCampaignMustBePausedFirst() {
    long id =
        server.post("/campaigns", SUPERVISOR, CampaignBodies.progressive()).json().getLong("id");

    HttpReply changed =
        server.patch(
            "/campaigns/" + id,
            SUPERVISOR,
            new JsonObject()
                .put("ringLimitSeconds", 25)
                .put(
                    "retryRules",
                    new JsonObject().put("busy", new JsonObject().put("maxAttempts", 2))));
    HttpReply stale =
        server.patch(
            "/campaigns/" + id,
            SUPERVISOR,
            new JsonObject().put("version", 1).put("maxAttempts", 3));
    server.post("/campaigns/" + id + "/start", SUPERVISOR, null);
    HttpReply whileRunning =
        server.patch("/campaigns/" + id, SUPERVISOR, new JsonObject().put("maxAttempts", 3));
    server.post("/campaigns/" + id + "/pause", SUPERVISOR, null);
    HttpReply whilePaused =
        server.patch("/campaigns/" + id, SUPERVISOR, new JsonObject().put("maxAttempts", 3));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().getInteger("ringLimitSeconds")).isEqualTo(25);
    assertThat(changed.json().getJsonObject("retryRules").getJsonObject("busy"))
        .isEqualTo(new JsonObject().put("delayMinutes", 10).put("maxAttempts", 2));
    assertThat(changed.json().getInteger("version")).isEqualTo(2);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(whileRunning.status()).isEqualTo(409);
    assertThat(whileRunning.json().getJsonObject("error").getString("message"))
        .contains("pause it first");
    assertThat(whilePaused.status()).isEqualTo(200);
    assertThat(whilePaused.json().getInteger("maxAttempts")).isEqualTo(3);
  }

  @Test
  void statusMovesFollowTheirRulesAndFinishedIsFinal() {
    long id =
        server.post("/campaigns", SUPERVISOR, CampaignBodies.progressive()).json().getLong("id");

    HttpReply pauseDraft = server.post("/campaigns/" + id + "/pause", SUPERVISOR, null);
    HttpReply started = server.post("/campaigns/" + id + "/start", SUPERVISOR, null);
    HttpReply paused = server.post("/campaigns/" + id + "/pause", SUPERVISOR, null);
    HttpReply restarted = server.post("/campaigns/" + id + "/start", SUPERVISOR, new JsonObject());
    HttpReply finished = server.post("/campaigns/" + id + "/finish", SUPERVISOR, null);
    HttpReply startFinished = server.post("/campaigns/" + id + "/start", SUPERVISOR, null);
    HttpReply deleteFinished = server.delete("/campaigns/" + id, SUPERVISOR);

    assertThat(pauseDraft.status()).isEqualTo(409);
    assertThat(started.json().getString("status")).isEqualTo("running");
    assertThat(paused.json().getString("status")).isEqualTo("paused");
    assertThat(restarted.json().getString("status")).isEqualTo("running");
    assertThat(finished.json().getString("status")).isEqualTo("finished");
    assertThat(startFinished.status()).isEqualTo(409);
    assertThat(deleteFinished.status()).isEqualTo(409);
  }

  @Test
  void predictiveStartIsRefusedWhereUkAccountingAndTheAmdEstimateLeaveNoBudget() {
    JsonObject stockAmd =
        CampaignBodies.progressive()
            .put("mode", "predictive")
            .put("accounting", "uk")
            .put("amd", new JsonObject().put("enabled", true).put("falsePositiveEstimate", 0.12));
    long id = server.post("/campaigns", SUPERVISOR, stockAmd).json().getLong("id");

    HttpReply refused = server.post("/campaigns/" + id + "/start", SUPERVISOR, null);
    server.patch(
        "/campaigns/" + id,
        SUPERVISOR,
        new JsonObject().put("amd", new JsonObject().put("falsePositiveEstimate", 0.01)));
    HttpReply started = server.post("/campaigns/" + id + "/start", SUPERVISOR, null);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getJsonObject("error").getString("message"))
        .startsWith("predictive mode refused: under UK accounting the AMD false-positive estimate")
        .contains("12.0%");
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    assertThat(started.json().getString("status")).isEqualTo("running");
  }

  @Test
  void aDraftCanBeDeletedAndIsThenGone() {
    long id =
        server.post("/campaigns", SUPERVISOR, CampaignBodies.progressive()).json().getLong("id");

    HttpReply deleted = server.delete("/campaigns/" + id, ADMIN);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(server.get("/campaigns/" + id, ADMIN).status()).isEqualTo(404);
  }

  @Test
  void badPathIdsAndQueryParametersAreNamed() {
    HttpReply badId = server.get("/campaigns/abc", ADMIN);
    HttpReply badStatus = server.get("/campaigns?status=sleeping&limit=0", ADMIN);

    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.errorFields()).containsExactly("id");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.errorFields()).containsExactlyInAnyOrder("status", "limit");
  }
}
