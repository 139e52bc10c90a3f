package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.AmiBridge;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleCommand;
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
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preview mode end to end: the real AMI bridge against the simulated PBX on its real clock, real
 * PostgreSQL, the dialer module with its runner, and a stand-in for agent-ws's agent states and
 * agent commands ({@link PreviewAgentStandIn}). One agent (user 2, {@code PJSIP/2101}) serves queue
 * {@code preview}; its phone answers the runner's Originate after 200 ms and hangs up 500 ms later;
 * the simulator's {@code dialer-preview} context then dials the lead through the trunk, whose
 * answer (or busy) each dial scripts.
 */
class PreviewCampaignIT {

  private static final Instant START = Instant.parse("2025-03-12T06:00:00Z");
  private static final long AGENT = 2;
  private static final String PHONE = "PJSIP/2101";

  private static final String SCENARIO =
      """
      queues:
        - name: preview
          members:
            - {interface: PJSIP/2101}
      """;

  @TempDir static Path directory;

  private static Vertx vertx;
  private static TestDatabase database;
  private static PostgresDatabase postgres;
  private static PbxSimulator sim;
  private static AmiBridge bridge;
  private static PreviewAgentStandIn agent;
  private static DialerModule dialer;
  private static DialerRepositories repositories;
  private static final JumpingClock CLOCK = new JumpingClock(START);
  private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
  private static final LinkedBlockingQueue<JsonObject> PUSHES = new LinkedBlockingQueue<>();
  private static final List<AmiMessage> PBX_EVENTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    database = TestDatabase.create();
    execute(
        "INSERT INTO users (id, username, display_name) OVERRIDING SYSTEM VALUE VALUES"
            + " (1, 'admin', 'Admin'), (2, 'p1', 'P1'), (3, 'p2', 'P2')");
    postgres = PostgresDatabase.open(vertx, database.settings());
    sim =
        await(
            PbxSimulator.start(
                vertx,
                PbxSimSettings.forTests()
                    .withRealClock()
                    .withScenario(ScenarioParser.parse(SCENARIO))));
    await(sim.frameTap((event, session, nanos) -> PBX_EVENTS.add(event)));
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
    bridge = await(AmiBridge.start(vertx, settings, postgres, METERS));
    waitFor("the AMI bridge is logged in", PreviewCampaignIT::bridgeConnected);
    agent = await(PreviewAgentStandIn.start(vertx, AGENT, PHONE, "preview"));
    vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleAddresses.toUser(AGENT),
            message -> {
              if (message.body().getString("type").startsWith("dialer.")) {
                PUSHES.add(message.body());
              }
            });
    dialer =
        await(
            DialerModule.start(
                vertx,
                postgres,
                settings,
                CLOCK,
                RunnerSettings.defaults()
                    .withTick(Duration.ofMillis(100))
                    .withPreviewOfferTimeout(Duration.ofSeconds(3))));
    repositories = dialer.repositories();
  }

  @AfterAll
  static void stop() {
    try {
      if (dialer != null) {
        await(dialer.close());
      }
      if (agent != null) {
        await(agent.stop());
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
  void theAgentIsOfferedLeadsDialsTwoSkipsOneAndLetsOneTimeOut() throws Exception {
    await(sim.scriptOriginate(PHONE, OriginateScript.answered(200).withTalk(500L)));
    await(sim.scriptOriginate(PHONE, OriginateScript.answered(200).withTalk(500L)));
    long campaign = campaign(4);

    // 1. An offer, with the agent paused for preview through agent-ws's command.
    JsonObject first = nextPush("dialer.preview.offer");
    assertThat(agent.state()).isEqualTo("paused:preview");
    assertThat(first.getLong("campaignId")).isEqualTo(campaign);
    assertThat(first.getString("number")).startsWith("+86139");
    assertThat(first.getInteger("attempt")).isEqualTo(1);
    long dialled = first.getLong("leadId");
    assertThat(text("SELECT status FROM leads WHERE id = " + dialled)).isEqualTo("dialing");

    // Only the agent it is offered to may dial it; bad commands are named.
    assertFails(command(3, "dialer.preview.dial", dialled), 403, "offered to another agent");
    assertFails(command(AGENT, "dialer.preview.dial", -1), 400, "needs 'leadId'");
    assertFails(command(AGENT, "dialer.preview.ring", dialled), 400, "unknown dialer command");

    // 2. The agent dials: its phone first, into the preview context, then the lead, who answers.
    await(sim.scriptOriginate(trunk(first), OriginateScript.answered(100).withTalk(300L)));
    JsonObject dial = await(command(AGENT, "dialer.preview.dial", dialled));
    String originateId = dial.getJsonObject("data").getString("originateId");
    assertThat(originateId).isEqualTo("c" + campaign + "-l" + dialled + "-a1");
    waitFor(
        "the dial is recorded",
        () -> "1".equals(text("SELECT count(*) FROM lead_attempts WHERE lead_id = " + dialled)));
    assertThat(
            text(
                "SELECT outcome || ',' || agent_user_id || ',' || originate_id || ','"
                    + " || (answered_at IS NOT NULL) FROM lead_attempts WHERE lead_id = "
                    + dialled))
        .isEqualTo("answered,2," + originateId + ",true");
    assertThat(text("SELECT status || ',' || final_state FROM leads WHERE id = " + dialled))
        .isEqualTo("done,contacted");
    // agent-ws made the agent busy on the call before its phone rang.
    assertThat(agent.states()).containsSubsequence("paused:preview", "on_call:outbound");
    assertAgentFirstThenTheLeadWhoAnswered(originateId, first.getString("number"));

    // 3. The next lead is shown at once and dialled; it is busy: a busy attempt, the retry rule.
    JsonObject busy = nextPush("dialer.preview.offer");
    dialBusyAndCheck(busy, campaign);

    // 4. The next lead is shown at once (the agent is still paused for preview); it is skipped.
    JsonObject second = nextPush("dialer.preview.offer");
    // The answered call ended in a wrap-up (then ready and paused for the next offer); the busy
    // one,
    // which never reached anyone, put the agent back in its preview pause.
    assertThat(agent.states())
        .containsSubsequence(
            "paused:preview",
            "on_call:outbound",
            "ready",
            "paused:preview",
            "on_call:outbound",
            "paused:preview");
    skipAndCheck(second.getLong("leadId"), dialled);

    // 5. The fourth is left alone: withdrawn after 3 s, released, the agent paused.
    JsonObject third = nextPush("dialer.preview.offer");
    long ignored = third.getLong("leadId");
    JsonObject withdrawn = nextPush("dialer.preview.withdrawn");
    assertThat(withdrawn.getLong("leadId")).isEqualTo(ignored);
    assertThat(withdrawn.getString("reason")).isEqualTo("not answered in time");
    waitFor("the agent is paused", () -> agent.state().equals("paused:preview-timeout"));
    waitFor(
        "the ignored lead is released",
        () ->
            "ready,0"
                .equals(text("SELECT status || ',' || attempts FROM leads WHERE id = " + ignored)));
    assertThat(
            Duration.between(
                Instant.parse(third.getString("offeredAt")),
                Instant.parse(third.getString("expiresAt"))))
        .isEqualTo(Duration.ofSeconds(3));
    Thread.sleep(500);
    assertThat(PUSHES).as("a paused agent is offered nothing").isEmpty();
    pausingTheCampaignGivesTheAgentBackToItsQueue(campaign, ignored);
  }

  /**
   * The agent comes back and is offered the released lead again; the supervisor pauses the
   * campaign: the offer is withdrawn, the lead released, and the agent ready for queue calls.
   */
  private static void pausingTheCampaignGivesTheAgentBackToItsQueue(long campaign, long lead)
      throws Exception {
    agent.ready();
    JsonObject again = nextPush("dialer.preview.offer");
    assertThat(again.getLong("leadId")).isEqualTo(lead);
    assertThat(agent.state()).isEqualTo("paused:preview");

    await(repositories.campaigns().changeStatus(campaign, StatusChange.PAUSE, null));

    JsonObject withdrawn = nextPush("dialer.preview.withdrawn");
    assertThat(withdrawn.getString("reason")).isEqualTo("campaign is not running");
    waitFor("the agent is ready again", () -> agent.state().equals("ready"));
    waitFor(
        "the lead is released",
        () -> "ready".equals(text("SELECT status FROM leads WHERE id = " + lead)));
  }

  /**
   * Dials the lead shown, whose phone is busy: the agent's phone answered, so the lead was dialled
   * and the attempt is {@code busy} (not answered), and the campaign's busy rule (10 min) applies.
   */
  private static void dialBusyAndCheck(JsonObject offer, long campaign) throws Exception {
    long lead = offer.getLong("leadId");
    await(sim.scriptOriginate(trunk(offer), OriginateScript.of(OriginateScript.Outcome.BUSY, 100)));
    String originateId =
        await(command(AGENT, "dialer.preview.dial", lead))
            .getJsonObject("data")
            .getString("originateId");
    assertThat(originateId).isEqualTo("c" + campaign + "-l" + lead + "-a1");
    waitFor(
        "the busy dial is recorded",
        () -> "1".equals(text("SELECT count(*) FROM lead_attempts WHERE lead_id = " + lead)));
    assertThat(
            text(
                "SELECT outcome || ',' || agent_user_id || ',' || (answered_at IS NULL)"
                    + " FROM lead_attempts WHERE lead_id = "
                    + lead))
        .isEqualTo("busy,2,true");
    assertThat(
            text(
                "SELECT status || ',' || attempts || ',' || last_outcome || ','"
                    + " || (next_attempt_at > last_attempt_at + interval '9 minutes')"
                    + " FROM leads WHERE id = "
                    + lead))
        .as("ready again after the busy rule's 10 minutes")
        .isEqualTo("ready,1,busy,true");
    assertThat(pbxEvent("DialEnd", originateId).get("DialStatus")).isEqualTo("BUSY");
  }

  /**
   * The answered call ended in a wrap-up (then ready, and paused for the next offer); the busy one,
   * which reached nobody, put the agent back in its preview pause.
   */
  private static void assertAgentWrappedUpThenWentBackToItsPause() {
    assertThat(agent.states())
        .containsSubsequence(
            "paused:preview",
            "on_call:outbound",
            "ready",
            "paused:preview",
            "on_call:outbound",
            "paused:preview");
  }

  /**
   * The PBX rang the agent's phone into the preview context, then dialled the lead, who answered.
   */
  private static void assertAgentFirstThenTheLeadWhoAnswered(String originateId, String number)
      throws Exception {
    AmiMessage response = pbxEvent("OriginateResponse", originateId);
    assertThat(response.get("Channel")).startsWith(PHONE + "-");
    assertThat(response.get("Context")).isEqualTo("dialer-preview");
    assertThat(response.get("Exten")).isEqualTo(number);
    assertThat(response.get("CallerIDNum")).isEqualTo("+861065529988");
    AmiMessage leadDial = pbxEvent("DialEnd", originateId);
    assertThat(leadDial.get("DestChannel")).as("the lead's leg").startsWith("PJSIP/trunk-");
    assertThat(leadDial.get("DialStatus")).isEqualTo("ANSWER");
  }

  /** The dial string of the lead's leg in the preview dialplan. */
  private static String trunk(JsonObject offer) {
    return "PJSIP/" + offer.getString("number") + "@trunk";
  }

  /** Skips the lead shown; it is ready again after the 1 h skip delay, in the skip log. */
  private static void skipAndCheck(long skipped, long dialled) {
    assertThat(skipped).isNotEqualTo(dialled);
    await(
        vertx
            .eventBus()
            .<JsonObject>request(
                PreviewCommands.ADDRESS,
                new ConsoleCommand(
                        AGENT,
                        "p1",
                        List.of("agent"),
                        "dialer.preview.skip",
                        new JsonObject().put("leadId", skipped).put("reason", "wrong person"))
                    .toJson()));
    assertThat(
            text(
                "SELECT status || ',' || attempts || ',' || (next_attempt_at > '"
                    + START.plus(Duration.ofMinutes(59))
                    + "') FROM leads WHERE id = "
                    + skipped))
        .as("a skipped lead is ready again after the 1 h skip delay, with no attempt counted")
        .isEqualTo("ready,0,true");
    assertThat(text("SELECT reason || ',' || detail FROM lead_skips WHERE lead_id = " + skipped))
        .isEqualTo("agent_skipped,skipped by agent 2: wrong person");
  }

  // --- set-up ------------------------------------------------------------------------------

  private static long campaign(int leads) {
    SwitchboardSettings settings = SwitchboardSettings.from(RawSettings.defaults());
    PhoneNormalizer phones = PhoneNormalizer.from(settings.crm());
    JsonObject body =
        new JsonObject()
            .put("name", "preview-" + System.nanoTime())
            .put("mode", "preview")
            .put("queue", "preview")
            .put("callerId", "+86 10 6552 9988")
            .put(
                "callingWindow",
                new JsonObject()
                    .put("start", "09:00")
                    .put("end", "21:00")
                    .put(
                        "days",
                        new JsonArray(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"))))
            .put("ringLimitSeconds", 15)
            .put("accounting", "uk")
            .put("abandonMessage", "custom/abandon-notice");
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

  // --- plumbing ----------------------------------------------------------------------------

  private static Future<JsonObject> command(long userId, String type, long leadId) {
    return vertx
        .eventBus()
        .<JsonObject>request(
            PreviewCommands.ADDRESS,
            new ConsoleCommand(
                    userId, "p", List.of("agent"), type, new JsonObject().put("leadId", leadId))
                .toJson())
        .map(reply -> reply.body());
  }

  private static void assertFails(Future<JsonObject> answer, int code, String words) {
    Throwable failure;
    try {
      answer.await(10, TimeUnit.SECONDS);
      failure = null;
    } catch (Exception refused) {
      failure = refused;
    }
    assertThat(failure).as("a failure naming '%s'", words).isNotNull();
    Throwable cause = failure instanceof ReplyException ? failure : failure.getCause();
    assertThat(cause).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) cause).failureCode()).isEqualTo(code);
    assertThat(cause.getMessage()).contains(words);
  }

  private static JsonObject nextPush(String type) throws InterruptedException {
    JsonObject push = PUSHES.poll(20, TimeUnit.SECONDS);
    assertThat(push).as("a %s push", type).isNotNull();
    assertThat(push.getString("type")).isEqualTo(type);
    return push.getJsonObject("data");
  }

  private static AmiMessage pbxEvent(String name, String originateId) throws Exception {
    String channelId = "swb-" + originateId;
    waitFor(
        name + " of " + originateId,
        () ->
            PBX_EVENTS.stream()
                .anyMatch(e -> name.equals(e.get("Event")) && channelId.equals(e.get("Uniqueid"))));
    return PBX_EVENTS.stream()
        .filter(e -> name.equals(e.get("Event")) && channelId.equals(e.get("Uniqueid")))
        .findFirst()
        .orElseThrow();
  }

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

  private static void execute(String sql) throws Exception {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String text(String sql) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (Exception failed) {
      throw new IllegalStateException(failed);
    }
  }
}
