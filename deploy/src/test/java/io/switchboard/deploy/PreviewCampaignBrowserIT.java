package io.switchboard.deploy;

import static io.switchboard.deploy.ConsoleFixtures.awaitAttribute;
import static io.switchboard.deploy.ConsoleFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.deploy.ami.Await;
import io.switchboard.deploy.browser.HeadlessChromium;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.pbxsim.model.OriginateScript;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dialer's preview mode in real browsers against the real jar (the node runs the dialer), real
 * PostgreSQL and Redis and a simulated Asterisk: an agent logs in to a queue on the English page;
 * an admin creates a preview campaign for that queue over REST, imports one lead as CSV and starts
 * it; the agent's page shows the preview card with the lead; the agent presses Dial, its phone
 * answers and pbx-sim's second leg reaches the lead, who answers; the attempt is in {@code
 * lead_attempts} with the agent; a supervisor, on the Chinese page, sees the campaign in the
 * Campaigns table, first with no dial, then with the dial counted. Screenshots of both pages are
 * kept in {@code deploy/target/browser-screenshots/preview-*}.
 */
class PreviewCampaignBrowserIT {

  private static final String QUEUE = "support";
  private static final String PHONE = "PJSIP/1001";
  private static final String LEAD_NUMBER = "+8613912345678";
  private static final String LEAD_NAME = "Wang Fang";

  @TempDir Path directory;

  private Vertx pbxVertx;
  private PbxSimulator pbx;
  private HeadlessChromium agent;
  private HeadlessChromium supervisor;

  @BeforeEach
  void startThePbx() {
    pbxVertx = Vertx.vertx();
    pbx = ConsoleFixtures.startPbx(pbxVertx, QUEUE);
  }

  @AfterEach
  void stopThePbx() {
    Await.result(pbx.close());
    Await.result(pbxVertx.close());
  }

  @Test
  void anAgentDialsAPreviewLeadFromTheCardAndTheSupervisorSeesTheCampaignCountIt()
      throws Exception {
    try (TestDatabase database = TestDatabase.createEmpty();
        TestRedis redis = TestRedis.create();
        ServerProcess server =
            ServerProcess.start(
                directory,
                ServiceUrls.productionEnvironment(
                    database,
                    redis,
                    ConsoleFixtures.ADMIN_PASSWORD,
                    ConsoleFixtures.amiServer(pbx)));
        HeadlessChromium agentBrowser = HeadlessChromium.start("preview-agent");
        HeadlessChromium supervisorBrowser = HeadlessChromium.start("preview-supervisor")) {
      agent = agentBrowser;
      supervisor = supervisorBrowser;
      int port = server.awaitReady(Duration.ofSeconds(60));
      ConsoleFixtures.awaitReadiness(port);
      ConsoleFixtures.AdminRest admin = ConsoleFixtures.AdminRest.login(port);
      long agentId = admin.createUser("zhao.lei", "agent");
      admin.createUser("sun.li", "supervisor");
      String base = "http://127.0.0.1:" + port + "/console/";

      theAgentLogsInToTheQueue(base);
      signIn(supervisor, base, "sun.li", "zh");
      supervisor.byId("campaigns-empty");
      supervisor.screenshot("board-no-campaign");

      long campaignId = aPreviewCampaignWithOneLeadIsStarted(admin);
      String row = "[data-testid=campaign-row][data-campaign-id='" + campaignId + "']";
      campaignCell(row, "campaign-dials", "0");
      assertThat(supervisor.driver().findElement(By.id("campaigns-empty")).isDisplayed()).isFalse();
      assertThat(campaignCell(row, "campaign-mode", "预览").getText()).isEqualTo("预览");

      long leadId = theCardShowsTheLeadAndTheAgentDials(server);
      assertTheAttempt(database, campaignId, leadId, agentId);
      campaignCell(row, "campaign-dials", "1");
      campaignCell(row, "campaign-live-answers", "1");
      assertThat(supervisor.driver().findElement(By.cssSelector(row)).getAttribute("data-running"))
          .isEqualTo("true");
      supervisor.screenshot("board-campaign-dialled");
      awaitAttribute(agent, "agent-state", "data-state", "wrap_up");
      agent.screenshot("wrap-up-after-the-lead");
    }
  }

  private void theAgentLogsInToTheQueue(String base) throws Exception {
    signIn(agent, base, "zhao.lei", "en");
    agent.byId("login-interface").clear();
    agent.byId("login-interface").sendKeys(PHONE);
    agent.byId("login-queues").clear();
    agent.byId("login-queues").sendKeys(QUEUE);
    agent.byId("agent-login").click();
    awaitAttribute(agent, "agent-state", "data-state", "ready");
  }

  /** Creates, fills and starts the campaign over REST; returns its id. */
  private static long aPreviewCampaignWithOneLeadIsStarted(ConsoleFixtures.AdminRest admin)
      throws Exception {
    JsonObject campaign =
        admin.post(
            "/api/v1/campaigns",
            new JsonObject()
                .put("name", "Preview renewals")
                .put("mode", "preview")
                .put("queue", QUEUE)
                .put("callerId", "+86 10 6552 9988")
                .put(
                    "callingWindow",
                    new JsonObject()
                        .put("start", "00:00")
                        .put("end", "23:59")
                        .put(
                            "days",
                            new JsonArray(
                                List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"))))
                .put("ringLimitSeconds", 20)
                .put("accounting", "us")
                .put("abandonMessage", "custom/abandon-notice"),
            201);
    long id = campaign.getLong("id");
    JsonObject report =
        admin.postCsv(
            "/api/v1/campaigns/" + id + "/leads/import?list=browser",
            "phone,name,time_zone\n" + LEAD_NUMBER + "," + LEAD_NAME + "," + openZone() + "\n");
    assertThat(report.getInteger("imported")).as(report.encode()).isEqualTo(1);
    admin.post("/api/v1/campaigns/" + id + "/start", null, 200);
    return id;
  }

  /**
   * A zone where the 00:00-23:59 calling window is open now and stays open for the test: Shanghai,
   * unless it is within an hour of its midnight, then London.
   */
  private static String openZone() {
    int hour = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getHour();
    return hour >= 1 && hour <= 22 ? "Asia/Shanghai" : "Europe/London";
  }

  /** The card shows the lead; Dial rings the agent's phone, then the lead; returns the lead id. */
  private long theCardShowsTheLeadAndTheAgentDials(ServerProcess server) throws Exception {
    WebElement card = awaitAttribute(agent, "preview-card", "data-open", "true");
    long leadId = Long.parseLong(card.getAttribute("data-lead-id"));
    assertThat(agent.byId("preview-name").getText()).isEqualTo(LEAD_NAME);
    assertThat(agent.byId("preview-number").getText().replaceAll("[^+0-9]", ""))
        .isEqualTo(LEAD_NUMBER);
    assertThat(agent.byId("preview-campaign").getText()).isEqualTo("Preview renewals");
    agent.screenshot("preview-card");
    Await.result(pbx.scriptOriginate(PHONE, OriginateScript.answered(300)));
    Await.result(
        pbx.scriptOriginate(
            "PJSIP/" + LEAD_NUMBER + "@trunk", OriginateScript.answered(500).withTalk(3_000L)));
    agent.byId("preview-dial").click();
    String state =
        agent.until(
            d -> {
              String now = d.findElement(By.id("agent-state")).getAttribute("data-state");
              boolean refused =
                  "error".equals(d.findElement(By.id("preview-result")).getAttribute("data-kind"));
              return "on_call".equals(now) || refused ? now : null;
            });
    agent.screenshot("on-the-call-with-the-lead");
    assertThat(state)
        .as(
            "the agent's state after Dial (%s); the node's warnings:%n%s",
            agent.driver().findElement(By.id("preview-result")).getText(), warnings(server))
        .isEqualTo("on_call");
    return leadId;
  }

  /** The recorded attempt: the lead answered, the agent was on the call. */
  private static void assertTheAttempt(
      TestDatabase database, long campaignId, long leadId, long agentId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT lead_id, outcome, agent_user_id, answered_at IS NOT NULL AS answered"
                    + " FROM lead_attempts WHERE campaign_id = ? AND ended_at IS NOT NULL")) {
      query.setLong(1, campaignId);
      while (true) {
        try (ResultSet row = query.executeQuery()) {
          if (row.next()) {
            assertThat(row.getLong("lead_id")).isEqualTo(leadId);
            assertThat(row.getString("outcome")).isEqualTo("answered");
            assertThat(row.getLong("agent_user_id")).isEqualTo(agentId);
            assertThat(row.getBoolean("answered")).isTrue();
            assertThat(row.next()).as("one attempt").isFalse();
            return;
          }
        }
        assertThat(System.nanoTime())
            .as("an ended attempt of campaign %s", campaignId)
            .isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }

  /** The node's output lines at warning or error level, or naming the dialer. */
  private static String warnings(ServerProcess server) {
    return server
        .output()
        .lines()
        .filter(line -> line.contains("WARN") || line.contains("ERROR") || line.contains("dialer"))
        .collect(Collectors.joining("\n"));
  }

  /** Waits until the campaign row's cell shows {@code expected}. */
  private WebElement campaignCell(String row, String cell, String expected) {
    return supervisor.until(
        d ->
            d.findElements(By.cssSelector(row + " [data-testid=" + cell + "]")).stream()
                .filter(element -> expected.equals(element.getText().strip()))
                .findFirst()
                .orElse(null));
  }
}
