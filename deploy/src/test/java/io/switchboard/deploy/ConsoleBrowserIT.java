package io.switchboard.deploy;

import static io.switchboard.deploy.ConsoleFixtures.awaitAttribute;
import static io.switchboard.deploy.ConsoleFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.deploy.ami.Await;
import io.switchboard.deploy.browser.HeadlessChromium;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.pbxsim.PbxSimulator.InboundCall;
import io.switchboard.pbxsim.model.CallBehaviour;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser (Debian's headless Chromium at 1366x768, driven by Selenium)
 * against the real jar, real PostgreSQL and Redis and a simulated Asterisk: an agent signs in on
 * the Chinese page, logs in to a queue and goes ready; a customer calls; the screen pop shows that
 * customer; the agent's phone answers; the caller hangs up; the agent picks a disposition and
 * writes a note; the call log and the customer's timeline carry them. Meanwhile a supervisor, on
 * the English page, sees the queue's counts move, then pauses the agent from the board. Screenshots
 * of each step are kept in {@code deploy/target/browser-screenshots/}.
 */
class ConsoleBrowserIT {

  private static final String CALLER = "+8613800138000";
  private static final String QUEUE = "support";
  private static final String PHONE = "PJSIP/1001";
  private static final String NOTE = "Asked about the invoice of May; resolved on the call.";

  @TempDir Path directory;

  private Vertx pbxVertx;
  private PbxSimulator pbx;
  private HeadlessChromium agent;
  private HeadlessChromium supervisor;
  private ConsoleFixtures.AdminRest admin;
  private long agentId;
  private long customerId;

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
  void anAgentTakesACallInTheBrowserWhileTheSupervisorsBoardMoves() throws Exception {
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
        HeadlessChromium agentBrowser = HeadlessChromium.start("agent");
        HeadlessChromium supervisorBrowser = HeadlessChromium.start("supervisor")) {
      agent = agentBrowser;
      supervisor = supervisorBrowser;
      int port = server.awaitReady(Duration.ofSeconds(60));
      ConsoleFixtures.awaitReadiness(port);
      admin = ConsoleFixtures.AdminRest.login(port);
      agentId = admin.createUser("li.lei", "agent");
      admin.createUser("han.meimei", "supervisor");
      customerId = admin.createCustomer("Zhang Wei", "+86 138 0013 8000");
      String base = "http://127.0.0.1:" + port + "/console/";

      theAgentSignsInOnTheChinesePageAndGoesReady(base);
      theSupervisorSeesTheQueueAndTheAgent(base);
      InboundCall call = theCustomerCallsAndThePopShowsTheirCard();
      theAgentsPhoneAnswersAndTheBoardCountsIt();
      String linkedId = theCallerHangsUpAndTheAgentWrapsUp(call);
      theCallLogAndTheTimelineCarryTheWrapUp(database, linkedId);
      supervisorForcesAPause();
      awaitAttribute(agent, "agent-state", "data-state", "paused");
      assertThat(agent.byId("agent-reason").getText()).isNotEqualTo("-");
      agent.screenshot("paused-by-the-supervisor");
    }
  }

  private void theAgentSignsInOnTheChinesePageAndGoesReady(String base) throws Exception {
    signIn(agent, base, "li.lei", "zh");
    assertThat(agent.driver().getCurrentUrl()).endsWith("/console/agent.html");
    assertThat(agent.byId("agent-state").getText())
        .as("the Chinese page")
        .matches(".*\\p{IsHan}.*");
    agent.byId("login-interface").clear();
    agent.byId("login-interface").sendKeys(PHONE);
    agent.byId("login-queues").clear();
    agent.byId("login-queues").sendKeys(QUEUE);
    agent.byId("agent-login").click();
    awaitAttribute(agent, "agent-state", "data-state", "ready");
    agent.screenshot("ready");
  }

  private void theSupervisorSeesTheQueueAndTheAgent(String base) throws Exception {
    signIn(supervisor, base, "han.meimei", "en");
    assertThat(supervisor.driver().getCurrentUrl()).endsWith("/console/supervisor.html");
    assertThat(queueCell(supervisor, "queue-answered", "0").getText()).isEqualTo("0");
    WebElement agentRow =
        supervisor.until(
            d ->
                d
                    .findElements(
                        By.cssSelector("[data-testid=agent-row][data-user-id='" + agentId + "']"))
                    .stream()
                    .findFirst()
                    .orElse(null));
    assertThat(agentRow.getAttribute("data-state")).isEqualTo("ready");
    supervisor.screenshot("board-before-the-call");
  }

  private InboundCall theCustomerCallsAndThePopShowsTheirCard() throws Exception {
    InboundCall call = Await.result(pbx.placeInboundCall(QUEUE, CALLER, CallBehaviour.manual()));
    awaitAttribute(agent, "agent-state", "data-state", "ringing");
    awaitAttribute(agent, "screen-pop", "data-open", "true");
    awaitAttribute(agent, "customer-card", "data-customer-id", Long.toString(customerId));
    assertThat(agent.byId("customer-name").getText()).contains("Zhang Wei");
    assertThat(agent.byId("pop-caller").getText()).contains("138");
    assertThat(agent.byId("pop-queue").getText()).isEqualTo(QUEUE);
    agent.screenshot("screen-pop");
    queueCell(supervisor, "queue-waiting", "1");
    supervisor.screenshot("board-call-waiting");
    return call;
  }

  private void theAgentsPhoneAnswersAndTheBoardCountsIt() throws Exception {
    assertThat(Await.result(pbx.answer(PHONE))).isTrue();
    awaitAttribute(agent, "agent-state", "data-state", "on_call");
    awaitAttribute(agent, "pop-call-status", "data-answered", "true");
    agent.screenshot("on-call");
    queueCell(supervisor, "queue-answered", "1");
    queueCell(supervisor, "queue-waiting", "0");
    supervisor.screenshot("board-call-answered");
  }

  /** Returns the call's linked id, as the wrap-up panel names it. */
  private String theCallerHangsUpAndTheAgentWrapsUp(InboundCall call) throws Exception {
    assertThat(Await.result(pbx.hangup(call.channel()))).isTrue();
    awaitAttribute(agent, "agent-state", "data-state", "wrap_up");
    String linkedId = agent.byId("wrapup-panel").getAttribute("data-linked-id");
    assertThat(linkedId).isNotBlank();
    agent.until(d -> new Select(d.findElement(By.id("wrapup-code"))).getOptions().size() > 1);
    new Select(agent.byId("wrapup-code")).selectByValue("information_given");
    agent.byId("wrapup-note").sendKeys(NOTE);
    agent.screenshot("wrap-up");
    agent.byId("wrapup-submit").click();
    awaitAttribute(agent, "agent-state", "data-state", "ready");
    awaitAttribute(agent, "screen-pop", "data-open", "false");
    agent.screenshot("ready-after-the-call");
    return linkedId;
  }

  private void theCallLogAndTheTimelineCarryTheWrapUp(TestDatabase database, String linkedId)
      throws Exception {
    assertCallLog(database, linkedId, agentId, customerId);
    JsonArray timeline =
        admin.get("/api/v1/customers/" + customerId + "/timeline").getJsonArray("items");
    assertThat(timeline.stream().map(JsonObject.class::cast).map(item -> item.getString("kind")))
        .as(timeline.encode())
        .contains("call", "disposition");
    assertThat(timeline.encode()).contains("information_given: " + NOTE);
  }

  /** The supervisor pauses the agent from the agents table, confirming the reason in the dialog. */
  private void supervisorForcesAPause() throws Exception {
    supervisor
        .until(
            d ->
                d
                    .findElements(
                        By.cssSelector(
                            "[data-testid=agent-force-pause][data-user-id='" + agentId + "']"))
                    .stream()
                    .filter(WebElement::isEnabled)
                    .findFirst()
                    .orElse(null))
        .click();
    new Select(supervisor.byId("force-pause-reason")).selectByValue("meeting");
    supervisor.screenshot("force-pause-dialog");
    supervisor.byId("force-pause-confirm").click();
    supervisor.until(
        d ->
            d
                .findElements(
                    By.cssSelector(
                        "[data-testid=agent-row][data-user-id='"
                            + agentId
                            + "'][data-state=paused]"))
                .stream()
                .findFirst()
                .orElse(null));
    supervisor.screenshot("board-agent-paused");
  }

  /** Waits until the support queue's cell shows {@code expected}. */
  private static WebElement queueCell(HeadlessChromium board, String cell, String expected) {
    return board.until(
        d ->
            d
                .findElements(
                    By.cssSelector(
                        "[data-testid=queue-row][data-queue='"
                            + QUEUE
                            + "'] [data-testid="
                            + cell
                            + "]"))
                .stream()
                .filter(element -> expected.equals(element.getText().strip()))
                .findFirst()
                .orElse(null));
  }

  /** The call log row of the call, written when it ended, carries the agent's wrap-up. */
  private static void assertCallLog(
      TestDatabase database, String linkedId, long agentId, long customerId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT disposition, notes, agent_user_id, customer_id, outcome"
                    + " FROM call_logs WHERE linked_id = ?")) {
      query.setString(1, linkedId);
      while (true) {
        try (ResultSet row = query.executeQuery()) {
          if (row.next() && row.getString("disposition") != null) {
            assertThat(row.getString("disposition")).isEqualTo("information_given");
            assertThat(row.getString("notes")).isEqualTo(NOTE);
            assertThat(row.getLong("agent_user_id")).isEqualTo(agentId);
            assertThat(row.getLong("customer_id")).isEqualTo(customerId);
            assertThat(row.getString("outcome")).isEqualTo("answered");
            return;
          }
        }
        assertThat(System.nanoTime())
            .as("call log of %s with its wrap-up", linkedId)
            .isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }
}
