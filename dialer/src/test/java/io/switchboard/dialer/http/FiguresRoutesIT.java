package io.switchboard.dialer.http;

import static io.switchboard.dialer.http.DialerTestServer.AGENT;
import static io.switchboard.dialer.http.DialerTestServer.START;
import static io.switchboard.dialer.http.DialerTestServer.SUPERVISOR;
import static io.switchboard.dialer.http.DialerTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialer.lead.AmdVerdict;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinishedAttempt;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /campaigns/{id}/figures} without a runner in the cluster: the figures come from the
 * recorded attempts in PostgreSQL, marked {@code running: false}; 404, 401 and 403 as for every
 * dialer route.
 */
@ExtendWith(VertxExtension.class)
class FiguresRoutesIT {

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
  void withoutARunnerTheFiguresAreCountedFromTheRecordedAttempts() {
    Instant now = START.plus(Duration.ofHours(2));
    server.clock.set(START);
    long campaign =
        server.post("/campaigns", SUPERVISOR, CampaignBodies.progressive()).json().getLong("id");
    server.post("/campaigns/" + campaign + "/start", SUPERVISOR, null);
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i < 5; i++) {
      csv.append(CampaignBodies.mobile()).append('\n');
    }
    server.csv("/campaigns/" + campaign + "/leads/import", SUPERVISOR, csv.toString());
    List<Lead> leads = await(server.repositories.selection().next(campaign, 4)).leads();
    record(leads.get(0), AttemptOutcome.ANSWERED, now.minusSeconds(60));
    record(leads.get(1), AttemptOutcome.ABANDONED, now.minusSeconds(120));
    record(leads.get(2), AttemptOutcome.BUSY, now.minusSeconds(180));
    record(leads.get(3), AttemptOutcome.ABANDONED, now.minus(Duration.ofDays(2)));
    server.clock.set(now);

    HttpReply reply = server.get("/campaigns/" + campaign + "/figures", SUPERVISOR);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject figures = reply.json();
    assertThat(figures.getLong("campaignId")).isEqualTo(campaign);
    assertThat(figures.getBoolean("running")).isFalse();
    assertThat(figures.getString("status")).isEqualTo("running");
    assertThat(figures.getLong("dialsToday")).isEqualTo(3);
    assertThat(figures.getLong("liveAnswersToday")).isEqualTo(2);
    assertThat(figures.getLong("abandonedToday")).isEqualTo(1);
    assertThat(figures.getDouble("abandonRateToday")).isEqualTo(0.5);
    JsonObject window = figures.getJsonObject("window");
    assertThat(window.getString("accounting")).isEqualTo("us");
    assertThat(window.getInteger("hours")).isEqualTo(720);
    assertThat(window.getLong("dials")).isEqualTo(4);
    assertThat(window.getLong("liveAnswers")).isEqualTo(3);
    assertThat(window.getLong("abandoned")).isEqualTo(2);
    assertThat(window.getDouble("abandonRate")).isEqualTo(0.6667);
    // The answered lead is done; the others wait for their retry; the fifth was never dialled.
    assertThat(figures.getLong("leadsLeft")).isEqualTo(4);
    assertThat(figures.getValue("callsInProgress")).isNull();
    assertThat(figures.getValue("agents")).isNull();
    assertThat(figures.getValue("dialLevel")).isNull();
  }

  @Test
  void anUnknownCampaignIs404() {
    HttpReply reply = server.get("/campaigns/999999/figures", SUPERVISOR);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().getJsonObject("error").getString("message")).contains("999999");
  }

  @Test
  void theFiguresNeedALoginAndCampaignRead() {
    long campaign =
        server.post("/campaigns", SUPERVISOR, CampaignBodies.progressive()).json().getLong("id");

    HttpReply anonymous = server.get("/campaigns/" + campaign + "/figures", null);
    HttpReply agent = server.get("/campaigns/" + campaign + "/figures", AGENT);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers().get("WWW-Authenticate")).startsWith("Bearer");
    assertThat(agent.status()).isEqualTo(403);
    assertThat(agent.json().getJsonObject("error").getString("message")).contains("CAMPAIGN_READ");
  }

  private static void record(Lead lead, AttemptOutcome outcome, Instant ended) {
    boolean live = outcome == AttemptOutcome.ANSWERED || outcome == AttemptOutcome.ABANDONED;
    await(
        server
            .repositories
            .attempts()
            .record(
                new FinishedAttempt(
                    lead.id(),
                    ended.minusSeconds(30),
                    live ? ended.minusSeconds(20) : null,
                    outcome == AttemptOutcome.ABANDONED ? ended.minusSeconds(18) : null,
                    ended,
                    outcome,
                    live ? AmdVerdict.HUMAN : null,
                    outcome.wireName(),
                    null,
                    "it-" + lead.id())));
  }
}
