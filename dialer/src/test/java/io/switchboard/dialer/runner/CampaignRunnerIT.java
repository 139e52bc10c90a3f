package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.AmiBridge;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.dialer.DialerModule;
import io.switchboard.dialer.campaign.CampaignInput;
import io.switchboard.dialer.campaign.StatusChange;
import io.switchboard.dialer.lead.LeadDraft;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.switchboard.pbxsim.PbxSimSettings;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.pbxsim.scenario.ScenarioParser;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign runner end to end: the real AMI bridge against the simulated PBX on its real clock,
 * real PostgreSQL, the dialer module with its runner, and a stand-in for agent-ws's agent states.
 * The simulated queue {@code sales} has 5 members who answer by themselves; queue {@code unstaffed}
 * has three members paused on the PBX whom the stand-in reports ready, so every live call there is
 * abandoned. The dialer's clock is real time from a Wednesday 14:00 in Shanghai (inside the calling
 * window); the test jumps it over retry delays and re-call locks once no lead is due.
 */
class CampaignRunnerIT {

  private static final Instant START = Instant.parse("2025-03-12T06:00:00Z");
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  private static final String SCENARIO =
      """
      queues:
        - name: sales
          strategy: leastrecent
          timeout: 15
          retry: 1
          members:
            - {interface: PJSIP/2001}
            - {interface: PJSIP/2002}
            - {interface: PJSIP/2003}
            - {interface: PJSIP/2004}
            - {interface: PJSIP/2005}
        - name: unstaffed
          members:
            - {interface: PJSIP/2006, paused: true}
            - {interface: PJSIP/2007, paused: true}
            - {interface: PJSIP/2008, paused: true}
      traffic:
        rate: 1/s
        answerDelay: {kind: uniform, min: 0.05, max: 0.15}
        talk: {kind: uniform, min: 0.2, max: 0.6}
      originate:
        answered: 0.75
        busy: 0.1
        noAnswer: 0.01
        congestion: 0.05
        failed: 0.03
        machine: 0.2
        ring: {kind: uniform, min: 0.1, max: 0.4}
        talk: {kind: uniform, min: 0.2, max: 0.6}
      """;

  @TempDir static Path directory;

  private static Vertx vertx;
  private static TestDatabase database;
  private static PostgresDatabase postgres;
  private static PbxSimulator sim;
  private static AmiBridge bridge;
  private static AgentStandIn agents;
  private static DialerModule dialer;
  private static DialerRepositories repositories;
  private static final JumpingClock CLOCK = new JumpingClock(START);
  private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    database = TestDatabase.create();
    execute(
        "INSERT INTO users (id, username, display_name) OVERRIDING SYSTEM VALUE VALUES"
            + " (1, 'admin', 'Admin'), (2, 'a1', 'A1'), (3, 'a2', 'A2'), (4, 'a3', 'A3'),"
            + " (5, 'a4', 'A4'), (6, 'a5', 'A5'), (7, 'a6', 'A6'), (8, 'a7', 'A7'),"
            + " (9, 'a8', 'A8')");
    postgres = PostgresDatabase.open(vertx, database.settings());
    sim =
        await(
            PbxSimulator.start(
                vertx,
                PbxSimSettings.forTests()
                    .withRealClock()
                    .withScenario(ScenarioParser.parse(SCENARIO))));
    SwitchboardSettings settings =
        SwitchboardSettings.from(
            RawSettings.defaults()
                .with(
                    Map.of(
                        "data.dir",
                        directory.resolve("data").toString(),
                        "ami.servers",
                        "pbx1=ami://admin:admin@127.0.0.1:" + sim.port(),
                        "calllog.spool-dir",
                        directory.resolve("spool").toString()),
                    "test"));
    Files.createDirectories(directory.resolve("data"));
    // The abandon message lasts 1 s here (Playback, then Hangup in the dialer-abandon context).
    await(
        sim.onModel(
            model -> {
              model.originate().playbackContexts(Map.of("dialer-abandon", 1_000L));
              return null;
            }));
    bridge = await(AmiBridge.start(vertx, settings, postgres, METERS));
    waitFor("the AMI bridge is logged in", CampaignRunnerIT::bridgeConnected);
    List<AgentStandIn.Agent> roster = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      roster.add(new AgentStandIn.Agent(1 + i, "PJSIP/200" + i, "sales"));
    }
    for (int i = 6; i <= 8; i++) {
      roster.add(new AgentStandIn.Agent(1 + i, "PJSIP/200" + i, "unstaffed"));
    }
    agents = await(AgentStandIn.start(vertx, roster));
    dialer =
        await(
            DialerModule.start(
                vertx,
                postgres,
                settings,
                CLOCK,
                RunnerSettings.defaults().withTick(Duration.ofMillis(100))));
    repositories = dialer.repositories();
  }

  @AfterAll
  static void stop() {
    try {
      if (dialer != null) {
        await(dialer.close());
      }
      if (agents != null) {
        await(agents.stop());
      }
      if (bridge != null) {
        await(bridge.stop());
      }
      if (sim != null) {
        await(sim.close());
      }
      if (postgres != null) {
        await(postgres.close());
      }
      await(vertx.close());
    } finally {
      database.close();
    }
  }

  @Test
  void aPredictiveCampaignOf200LeadsWithFiveAgentsRunsToCompletionWithEveryAttemptRecorded()
      throws Exception {
    long campaign = campaign("predictive", "sales", 200);

    runToCompletion(campaign);

    assertEveryLeadDoneAndEveryAttemptRecorded(campaign, 200);
    Map<String, Integer> outcomes =
        countBy(
            "SELECT outcome, count(*) FROM lead_attempts WHERE campaign_id = "
                + campaign
                + " GROUP BY outcome");
    assertThat(outcomes).containsKeys("answered", "busy", "machine", "failed");
    assertThat(outcomes.get("answered")).isGreaterThan(100);
    assertThat(
            count(
                "SELECT count(*) FROM lead_attempts WHERE campaign_id = "
                    + campaign
                    + " AND outcome = 'answered' AND agent_user_id NOT BETWEEN 2 AND 6"))
        .as("every answered attempt names the agent who took it")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM leads WHERE campaign_id = " + campaign + " AND attempts > 1"))
        .as("busy and failed leads were dialled again after their retry delay")
        .isPositive();
    assertEveryAbandonmentRecorded(campaign);
  }

  @Test
  void liveCallsNoAgentTakesWithinTwoSecondsAreAbandonedRecordedAndLocked() throws Exception {
    long campaign = campaign("progressive", "unstaffed", 3);

    runToCompletion(campaign);

    assertEveryLeadDoneAndEveryAttemptRecorded(campaign, 3);
    long abandoned =
        count(
            "SELECT count(*) FROM lead_attempts WHERE campaign_id = "
                + campaign
                + " AND outcome = 'abandoned'");
    assertThat(abandoned).isPositive();
    assertThat(
            count(
                "SELECT count(*) FROM lead_attempts WHERE campaign_id = "
                    + campaign
                    + " AND outcome = 'abandoned' AND abandoned_at - answered_at"
                    + " < interval '2 seconds'"))
        .as("the grace is 2 s from the answer")
        .isZero();
    assertEveryAbandonmentRecorded(campaign);
  }

  @Test
  void theFiguresPushedToSupervisorsMatchTheRecordedAttempts() throws Exception {
    PushedFigures pushed = await(PushedFigures.listen(vertx));
    long campaign = campaign("progressive", "unstaffed", 3);
    String where = " FROM lead_attempts WHERE campaign_id = " + campaign;
    try {
      waitFor(
          "each lead dialled once and the figures pushed after the last attempt",
          () -> {
            JsonObject figures = pushed.of(campaign);
            return count("SELECT count(DISTINCT lead_id)" + where) == 3
                && figures != null
                && figures.getInteger("callsInProgress") == 0
                && figures.getLong("dialsToday") == count("SELECT count(*)" + where);
          });
      JsonObject figures = pushed.of(campaign);
      long live = count("SELECT count(*)" + where + " AND outcome IN ('answered', 'abandoned')");
      long abandoned = count("SELECT count(*)" + where + " AND outcome = 'abandoned'");
      assertThat(abandoned).as("the unstaffed queue abandons every live call").isPositive();
      assertThat(figures.getBoolean("running")).isTrue();
      assertThat(figures.getLong("liveAnswersToday")).isEqualTo(live);
      assertThat(figures.getLong("abandonedToday")).isEqualTo(abandoned);
      assertThat(figures.getDouble("abandonRateToday"))
          .isEqualTo(Math.round(10_000.0 * abandoned / live) / 10_000.0);
      assertThat(figures.getJsonObject("window").getLong("abandoned")).isEqualTo(abandoned);
      assertThat(figures.getJsonObject("agents").getInteger("loggedIn")).isEqualTo(3);
      JsonObject asked = await(PushedFigures.ask(vertx, campaign));
      assertThat(asked.getLong("dialsToday")).isEqualTo(figures.getLong("dialsToday"));
      assertThat(asked.getLong("abandonedToday")).isEqualTo(abandoned);
    } finally {
      await(pushed.stop());
      await(repositories.campaigns().changeStatus(campaign, StatusChange.FINISH, null));
    }
  }

  // --- set-up ------------------------------------------------------------------------------

  /** A running campaign with {@code leads} Shanghai mobiles; returns its id. */
  private static long campaign(String mode, String queue, int leads) {
    SwitchboardSettings settings = SwitchboardSettings.from(RawSettings.defaults());
    PhoneNormalizer phones = PhoneNormalizer.from(settings.crm());
    JsonObject rule = new JsonObject().put("delayMinutes", 1).put("maxAttempts", 2);
    JsonObject body =
        new JsonObject()
            .put("name", mode + "-" + queue + "-" + System.nanoTime())
            .put("mode", mode)
            .put("queue", queue)
            .put("callerId", "+86 10 6552 9988")
            .put(
                "callingWindow",
                new JsonObject()
                    .put("start", "09:00")
                    .put("end", "21:00")
                    .put(
                        "days",
                        new JsonArray(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"))))
            .put(
                "retryRules",
                new JsonObject()
                    .put("busy", rule)
                    .put("noAnswer", rule)
                    .put("machine", new JsonObject().put("delayMinutes", 1).put("maxAttempts", 1))
                    .put("failed", rule))
            .put("maxAttempts", 3)
            .put("ringLimitSeconds", 15)
            .put("accounting", "us")
            .put("abandonMessage", "custom/abandon-notice")
            .put("amd", new JsonObject().put("enabled", true).put("falsePositiveEstimate", 0.0));
    long id = await(repositories.campaigns().create(1, new CampaignInput(phones).read(body))).id();
    List<LeadDraft> drafts = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      drafts.add(
          new LeadDraft(
              i + 2,
              String.format("+86139%08d", id * 1000 + i),
              "Lead " + i,
              null,
              ZoneId.of("Asia/Shanghai")));
    }
    await(repositories.leads().importList(id, 1, "it", leads, 0, drafts, CLOCK.instant()));
    await(repositories.campaigns().changeStatus(id, StatusChange.START, null));
    return id;
  }

  /**
   * Waits until the runner finishes the campaign; whenever no lead is being dialled and none is
   * due, jumps the dialer's clock to the next lead's due time.
   */
  private static void runToCompletion(long campaign) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!"finished".equals(text("SELECT status FROM campaigns WHERE id = " + campaign))) {
      assertThat(System.nanoTime())
          .as(
              "campaign %s finished in time; leads by status %s, attempts by outcome %s",
              campaign,
              countBy(
                  "SELECT status, count(*) FROM leads WHERE campaign_id = "
                      + campaign
                      + " GROUP BY status"),
              countBy(
                  "SELECT outcome, count(*) FROM lead_attempts WHERE campaign_id = "
                      + campaign
                      + " GROUP BY outcome"))
          .isLessThan(deadline);
      Thread.sleep(100);
      String next =
          text(
              "SELECT CASE WHEN count(*) FILTER (WHERE status = 'dialing') = 0"
                  + " THEN min(next_attempt_at) FILTER (WHERE status = 'ready') END"
                  + " FROM leads WHERE campaign_id = "
                  + campaign);
      if (next != null) {
        Instant due = Instant.parse(next);
        if (due.isAfter(CLOCK.instant())) {
          CLOCK.jumpTo(due.plusSeconds(1));
        }
      }
    }
  }

  // --- assertions --------------------------------------------------------------------------

  private static void assertEveryLeadDoneAndEveryAttemptRecorded(long campaign, int leads)
      throws SQLException {
    assertThat(count("SELECT count(*) FROM leads WHERE campaign_id = " + campaign))
        .isEqualTo(leads);
    assertThat(
            count(
                "SELECT count(*) FROM leads WHERE campaign_id = "
                    + campaign
                    + " AND (status <> 'done' OR final_state IS NULL)"))
        .as("every lead ends in a final state")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM leads l WHERE campaign_id = "
                    + campaign
                    + " AND attempts <> (SELECT count(*) FROM lead_attempts a"
                    + " WHERE a.lead_id = l.id AND a.outcome IS NOT NULL)"))
        .as("every dial of every lead is a finished attempt row")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM leads WHERE campaign_id = "
                    + campaign
                    + " AND final_state NOT IN ('contacted', 'max_attempts')"))
        .isZero();
  }

  /**
   * Every call the PBX saw end in the queue without an agent (the bridge's call log says {@code
   * abandoned}) is an abandoned attempt with the 72 h lock on its number, and every abandoned
   * attempt is such a call.
   */
  private static void assertEveryAbandonmentRecorded(long campaign) throws Exception {
    String prefix = "c" + campaign + "-%";
    long attempts = count("SELECT count(*) FROM lead_attempts WHERE campaign_id = " + campaign);
    waitFor(
        "every call of the campaign is in the call log",
        () ->
            count("SELECT count(*) FROM call_logs WHERE originate_id LIKE '" + prefix + "'")
                >= attempts);
    List<String> loggedAbandons =
        texts(
            "SELECT originate_id FROM call_logs WHERE outcome = 'abandoned' AND originate_id LIKE '"
                + prefix
                + "' ORDER BY 1");
    List<String> recordedAbandons =
        texts(
            "SELECT originate_id FROM lead_attempts WHERE outcome = 'abandoned' AND campaign_id = "
                + campaign
                + " ORDER BY 1");
    assertThat(recordedAbandons).isEqualTo(loggedAbandons);
    assertThat(
            count(
                "SELECT count(*) FROM lead_attempts a JOIN leads l ON l.id = a.lead_id"
                    + " WHERE a.campaign_id = "
                    + campaign
                    + " AND a.outcome = 'abandoned'"
                    + " AND (a.abandoned_at IS NULL OR NOT EXISTS (SELECT 1 FROM recall_locks r"
                    + " WHERE r.e164 = l.e164 AND r.kind = 'abandoned'"
                    + " AND r.locked_until >= a.ended_at + interval '72 hours'))"))
        .as("every abandonment has its time and a 72 h re-call lock")
        .isZero();
  }

  // --- plumbing ----------------------------------------------------------------------------

  private static boolean bridgeConnected() {
    Gauge gauge =
        METERS
            .find("switchboard.ami.connection.state")
            .tags("server", "pbx1", "state", "connected")
            .gauge();
    return gauge != null && gauge.value() == 1;
  }

  private static void waitFor(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(String sql) {
    return Long.parseLong(text(sql));
  }

  private static String text(String sql) {
    List<String> rows = texts(sql);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static List<String> texts(String sql) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        Object value = rows.getObject(1);
        values.add(
            value instanceof java.sql.Timestamp time
                ? time.toInstant().toString()
                : value == null ? null : value.toString());
      }
      return values;
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }

  private static Map<String, Integer> countBy(String sql) {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getInt(2));
      }
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
    return counts;
  }
}
