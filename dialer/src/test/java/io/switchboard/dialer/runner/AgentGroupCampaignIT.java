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
import io.switchboard.pbxsim.model.OriginateScript;
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
 * An agent-group campaign end to end: the real AMI bridge against the simulated PBX on its real
 * clock, real PostgreSQL, the dialer module with its runner, and a stand-in for agent-ws. Answered
 * people wait in the holding queue {@code dialer-hold} (no members) until the runner redirects them
 * to a member's extension in {@code from-internal}, where the simulated dialplan dials the member's
 * phone. Users 2 and 3 (PJSIP/3001, PJSIP/3002) are the group; user 4 (PJSIP/3003) is logged in and
 * ready too but not a member, and must never get a call.
 */
class AgentGroupCampaignIT {

  private static final Instant START = Instant.parse("2025-03-12T06:00:00Z");
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  private static final String SCENARIO =
      """
      queues:
        - name: dialer-hold
          members: []
        - name: sales
          members:
            - {interface: PJSIP/3001}
            - {interface: PJSIP/3002}
            - {interface: PJSIP/3003}
      traffic:
        rate: 1/s
        answerDelay: {kind: uniform, min: 0.05, max: 0.15}
        talk: {kind: uniform, min: 0.3, max: 0.8}
      originate:
        answered: 0.8
        busy: 0.1
        congestion: 0.05
        failed: 0.05
        machine: 0.2
        ring: {kind: uniform, min: 0.1, max: 0.4}
        talk: {kind: uniform, min: 0.3, max: 0.8}
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
            + " (1, 'admin', 'Admin'), (2, 'm1', 'M1'), (3, 'm2', 'M2'), (4, 'other', 'O')");
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
    waitFor("the AMI bridge is logged in", AgentGroupCampaignIT::bridgeConnected);
    List<AgentStandIn.Agent> roster = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      roster.add(new AgentStandIn.Agent(1 + i, "PJSIP/300" + i, "sales"));
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
  void aProgressiveAgentGroupCampaignRunsToCompletionAndOnlyMembersTakeItsCalls() throws Exception {
    await(repositories.groups().put("evening", "Evening team", List.of(2L, 3L)));
    long campaign = campaign("evening", 8);

    runToCompletion(campaign);

    assertThat(count("SELECT count(*) FROM leads WHERE campaign_id = " + campaign)).isEqualTo(8);
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
                "SELECT count(*) FROM lead_attempts WHERE campaign_id = "
                    + campaign
                    + " AND outcome = 'answered'"))
        .as("people were answered and handed to the group")
        .isPositive();
    assertThat(
            count(
                "SELECT count(*) FROM lead_attempts WHERE campaign_id = "
                    + campaign
                    + " AND outcome = 'answered' AND (agent_user_id IS NULL"
                    + " OR agent_user_id NOT IN (2, 3))"))
        .as("every answered attempt names the member who took it")
        .isZero();
    String prefix = "c" + campaign + "-%";
    long attempts = count("SELECT count(*) FROM lead_attempts WHERE campaign_id = " + campaign);
    waitFor(
        "every call of the campaign is in the call log",
        () ->
            count("SELECT count(*) FROM call_logs WHERE originate_id LIKE '" + prefix + "'")
                >= attempts);
    assertThat(
            texts(
                "SELECT DISTINCT agent_interface FROM call_logs WHERE originate_id LIKE '"
                    + prefix
                    + "' AND agent_interface IS NOT NULL"))
        .as("the PBX bridged the calls to the members' phones only, never to PJSIP/3003")
        .isNotEmpty()
        .allMatch(phone -> phone.equals("PJSIP/3001") || phone.equals("PJSIP/3002"));
    assertThat(
            texts(
                "SELECT originate_id FROM call_logs WHERE outcome = 'answered'"
                    + " AND agent_interface IS NOT NULL AND originate_id LIKE '"
                    + prefix
                    + "' ORDER BY 1"))
        .as("each call the PBX bridged to a member is an answered attempt")
        .isEqualTo(
            texts(
                "SELECT originate_id FROM lead_attempts WHERE outcome = 'answered'"
                    + " AND campaign_id = "
                    + campaign
                    + " ORDER BY 1"));
  }

  @Test
  void aPersonWhoseAgentsPhoneRingsPastTheGraceIsAbandonedNotHandedOn() throws Exception {
    await(repositories.groups().put("slow-phones", "Phones that ring long", List.of(2L, 3L)));
    long campaign = createCampaign("slow-phones", 1);
    String number = String.format("+86137%08d", campaign * 1000);
    // The person answers at once and is a person; the member's phone rings 3 s, past the 2 s grace.
    await(
        sim.scriptOriginate(
            "PJSIP/" + number + "@trunk",
            OriginateScript.answered(100).withTalk(5_000L).withAgentAnswer(3_000L)));
    await(repositories.campaigns().changeStatus(campaign, StatusChange.START, null));

    waitFor(
        "the dial is recorded",
        () -> count("SELECT count(*) FROM lead_attempts WHERE campaign_id = " + campaign) > 0);
    await(repositories.campaigns().changeStatus(campaign, StatusChange.PAUSE, null));

    assertThat(
            texts(
                "SELECT outcome || ' ' || (abandoned_at IS NOT NULL) || ' '"
                    + " || coalesce(agent_user_id::text, '-') FROM lead_attempts"
                    + " WHERE campaign_id = "
                    + campaign))
        .as("nobody took the call within the grace while the member's phone rang: abandoned")
        .containsExactly("abandoned true -");
  }

  // --- set-up ------------------------------------------------------------------------------

  /** A running progressive campaign for an agent group with {@code leads} Shanghai mobiles. */
  private static long campaign(String group, int leads) {
    long id = createCampaign(group, leads);
    await(repositories.campaigns().changeStatus(id, StatusChange.START, null));
    return id;
  }

  /** The same campaign, not started (a draft). */
  private static long createCampaign(String group, int leads) {
    SwitchboardSettings settings = SwitchboardSettings.from(RawSettings.defaults());
    PhoneNormalizer phones = PhoneNormalizer.from(settings.crm());
    JsonObject rule = new JsonObject().put("delayMinutes", 1).put("maxAttempts", 2);
    JsonObject body =
        new JsonObject()
            .put("name", "group-" + System.nanoTime())
            .put("mode", "progressive")
            .put("agentGroup", group)
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
              String.format("+86137%08d", id * 1000 + i),
              "Lead " + i,
              null,
              ZoneId.of("Asia/Shanghai")));
    }
    await(repositories.leads().importList(id, 1, "it", leads, 0, drafts, CLOCK.instant()));
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
