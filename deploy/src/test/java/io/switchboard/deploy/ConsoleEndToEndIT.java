package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.deploy.ami.Await;
import io.switchboard.pbxsim.PbxSimSettings;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.pbxsim.PbxSimulator.InboundCall;
import io.switchboard.pbxsim.model.CallBehaviour;
import io.switchboard.pbxsim.scenario.QueueSpec;
import io.switchboard.pbxsim.scenario.Scenario;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live console end to end, as its users meet it: the real jar against real PostgreSQL and Redis
 * and a simulated Asterisk, an admin setting up users and a customer over REST, and browsers'
 * WebSocket sessions. An agent logs in to a queue, a customer calls, the agent's phone rings with
 * the customer's screen pop, the agent answers, reloads the console mid-call, the caller hangs up
 * and the agent finishes the wrap-up; a supervisor watches the agent's states, another agent sees
 * none of it; SIGTERM closes every session with 1001.
 */
class ConsoleEndToEndIT {

  private static final String ADMIN_PASSWORD = "console-test admin password";
  private static final String PASSWORD = "console-test user password";
  private static final String CALLER = "+8613800138000";

  /** The built-in scenario's ringall queue, here without its static members: agents join it. */
  private static final String QUEUE = "support";

  /** One of the built-in scenario's phones of {@link #QUEUE}. */
  private static final String PHONE = "PJSIP/1001";

  @TempDir Path directory;

  private Vertx pbxVertx;
  private Vertx browsers;
  private PbxSimulator pbx;
  private int port;
  private long agentId;
  private long customerId;
  private String agentToken;
  private String linkedId;
  private ConsoleSocket agent;
  private ConsoleSocket supervisor;
  private ConsoleSocket bystander;

  @BeforeEach
  void startThePbxAndTheBrowsers() {
    pbxVertx = Vertx.vertx();
    browsers = Vertx.vertx();
    PbxSimSettings settings = PbxSimSettings.forTests();
    pbx =
        Await.result(
            PbxSimulator.start(
                pbxVertx,
                settings
                    .withAmi(settings.ami().withHost("127.0.0.1"))
                    .withScenario(agentsJoin(settings.scenario(), QUEUE))
                    .withRealClock()));
  }

  /**
   * The scenario with {@code queue}'s static members taken out, so that its members are the agents
   * who log in to it (a phone that is also a static member elsewhere would bring that queue into
   * its agent's state).
   */
  private static Scenario agentsJoin(Scenario scenario, String queue) {
    List<QueueSpec> queues =
        scenario.queues().stream()
            .map(
                spec ->
                    spec.name().equals(queue)
                        ? new QueueSpec(
                            spec.name(),
                            spec.strategy(),
                            spec.timeout(),
                            spec.retry(),
                            spec.wrapuptime(),
                            spec.servicelevel(),
                            List.of())
                        : spec)
            .toList();
    return new Scenario(
        scenario.trunk(), queues, scenario.traffic(), scenario.originate(), scenario.amdContexts());
  }

  @AfterEach
  void stopThem() {
    Await.result(pbx.close());
    Await.result(pbxVertx.close());
    Await.result(browsers.close());
  }

  @Test
  void anAgentTakesACallWithItsScreenPopWhileASupervisorWatches() throws Exception {
    try (TestDatabase database = TestDatabase.createEmpty();
        TestRedis redis = TestRedis.create();
        ServerProcess server =
            ServerProcess.start(
                directory,
                ServiceUrls.productionEnvironment(
                    database,
                    redis,
                    ADMIN_PASSWORD,
                    Map.of(
                        "SWITCHBOARD_AMI_SERVERS",
                        "pbx1=ami://admin:admin@127.0.0.1:" + pbx.port())))) {
      port = server.awaitReady(Duration.ofSeconds(60));
      awaitReadiness(port);
      anAdminCreatesTheUsersAndACustomer();
      try (ConsoleSocket agentSession = ConsoleSocket.open(browsers, port, agentToken);
          ConsoleSocket supervisorSession =
              ConsoleSocket.open(
                  browsers, port, ServerProcess.login(port, "han.meimei", PASSWORD));
          ConsoleSocket bystanderSession =
              ConsoleSocket.open(
                  browsers, port, ServerProcess.login(port, "wang.fang", PASSWORD))) {
        agent = agentSession;
        supervisor = supervisorSession;
        bystander = bystanderSession;

        everySessionStartsWithItsSnapshot();
        theAgentLogsInToTheQueue();
        InboundCall call = theCustomerCallsAndTheAgentRingsWithTheScreenPop();
        theAgentAnswersAndAReloadShowsTheCallAndThePop();
        assertThat(Await.result(pbx.hangup(call.channel()))).isTrue();
        theAgentWrapsUpAndThePopCloses();
        eachSessionGotOnlyWhatWasForIt();
        aNewSessionShowsTheAgentsCurrentState();

        server.terminate();
        assertThat(agent.awaitClosed()).isEqualTo((short) 1001);
        assertThat(server.awaitExit(Duration.ofSeconds(10))).as(server.output()).hasValue(0);
      }
    }
  }

  private void anAdminCreatesTheUsersAndACustomer() throws Exception {
    Rest admin = Rest.login(port, "admin", ADMIN_PASSWORD);
    agentId = admin.createUser("li.lei", "agent");
    admin.createUser("han.meimei", "supervisor");
    admin.createUser("wang.fang", "agent");
    customerId = admin.createCustomer("Zhang Wei", "+86 138 0013 8000");
    agentToken = ServerProcess.login(port, "li.lei", PASSWORD);
  }

  private void everySessionStartsWithItsSnapshot() {
    assertThat(agent.subProtocol()).isEqualTo("switchboard.console.v1");
    JsonObject first = snapshot(agent);
    assertThat(first.getJsonObject("user").getLong("userId")).isEqualTo(agentId);
    assertThat(first.getJsonObject("user").getString("username")).isEqualTo("li.lei");
    assertThat(first.getJsonObject("agent").getString("state")).isEqualTo("logged_out");
    assertThat(first.getValue("screenPop")).isNull();
    assertThat(first.getValue("wallboard")).isNull();
    JsonObject supervisorView = snapshot(supervisor);
    assertThat(supervisorView.getJsonObject("user").getJsonArray("roles"))
        .containsExactly("supervisor");
    assertThat(supervisorView.containsKey("wallboard")).isTrue();
    snapshot(bystander);
  }

  private void theAgentLogsInToTheQueue() {
    JsonObject login =
        agent.command(
            "agent.login",
            new JsonObject().put("interface", PHONE).put("queues", new JsonArray().add(QUEUE)));
    assertThat(login.getString("type")).as(login.encode()).isEqualTo("agent.state");
    assertThat(login.getJsonObject("data").getString("state")).isEqualTo("ready");
    agent.nextState("ready");
    assertThat(supervisor.nextState("ready").getJsonObject("data").getLong("userId"))
        .isEqualTo(agentId);
  }

  private InboundCall theCustomerCallsAndTheAgentRingsWithTheScreenPop() {
    InboundCall call = Await.result(pbx.placeInboundCall(QUEUE, CALLER, CallBehaviour.manual()));
    JsonObject ringing = agent.nextState("ringing").getJsonObject("data");
    assertThat(ringing.getString("interface")).isEqualTo(PHONE);
    assertThat(ringing.getString("callQueue")).isEqualTo(QUEUE);
    linkedId = ringing.getString("linkedId");
    JsonObject show = agent.next("screenpop.show").getJsonObject("data");
    assertThat(show.getJsonObject("call").getString("linkedId")).isEqualTo(linkedId);
    assertThat(show.getJsonObject("call").getString("callerNumber")).isEqualTo(CALLER);
    assertThat(show.getJsonArray("matches").getJsonObject(0).getLong("customerId"))
        .isEqualTo(customerId);
    assertThat(show.getJsonObject("customer").getJsonObject("customer").getLong("id"))
        .isEqualTo(customerId);
    supervisor.nextState("ringing");
    return call;
  }

  private void theAgentAnswersAndAReloadShowsTheCallAndThePop() {
    assertThat(Await.result(pbx.answer(PHONE))).isTrue();
    agent.nextState("on_call");
    JsonObject update = agent.next("screenpop.update").getJsonObject("data");
    assertThat(update.getJsonObject("call").getBoolean("answered")).isTrue();
    supervisor.nextState("on_call");

    try (ConsoleSocket reloaded = ConsoleSocket.open(browsers, port, agentToken)) {
      JsonObject midCall = snapshot(reloaded);
      assertThat(midCall.getJsonObject("agent").getString("state")).isEqualTo("on_call");
      assertThat(midCall.getJsonObject("agent").getString("linkedId")).isEqualTo(linkedId);
      JsonObject pop = midCall.getJsonObject("screenPop");
      assertThat(pop.getJsonObject("customer").getJsonObject("customer").getLong("id"))
          .isEqualTo(customerId);
      assertThat(pop.getJsonObject("call").getBoolean("answered")).isTrue();
    }
  }

  private void theAgentWrapsUpAndThePopCloses() {
    agent.nextState("wrap_up");
    supervisor.nextState("wrap_up");
    JsonObject done = agent.command("agent.wrapup.done", new JsonObject());
    assertThat(done.getJsonObject("data").getString("state")).as(done.encode()).isEqualTo("ready");
    JsonObject close = agent.next("screenpop.close").getJsonObject("data");
    assertThat(close.getJsonObject("call").getString("linkedId")).isEqualTo(linkedId);
    agent.nextState("ready");
    supervisor.nextState("ready");
  }

  /**
   * The agent got each of its changes once (the supervisors' copy does not reach an agent), the
   * other agent nothing, the supervisor no screen pop. A last answer on each session first: what
   * was pushed to it before has arrived by then.
   */
  private void eachSessionGotOnlyWhatWasForIt() {
    assertThat(agent.command("agent.wrapup.done", new JsonObject()).getString("type"))
        .isEqualTo("error");
    assertThat(statesPushed(agent))
        .as("each change once: %s", agent.received())
        .containsExactly("ready", "ringing", "on_call", "wrap_up", "ready");
    JsonObject refused = bystander.command("agent.ready", new JsonObject());
    assertThat(refused.getJsonObject("data").getInteger("code")).isEqualTo(409);
    assertThat(bystander.receivedTypes()).containsExactly("snapshot", "error");
    assertThat(supervisor.receivedTypes()).doesNotContain("screenpop.show");
  }

  private void aNewSessionShowsTheAgentsCurrentState() {
    try (ConsoleSocket later = ConsoleSocket.open(browsers, port, agentToken)) {
      JsonObject after = snapshot(later);
      assertThat(after.getJsonObject("agent").getString("state")).isEqualTo("ready");
      assertThat(after.getJsonObject("agent").getJsonArray("queues")).containsExactly(QUEUE);
      assertThat(after.getValue("screenPop")).isNull();
    }
  }

  /** The data of a session's first frame, which must be a snapshot with every part answered. */
  private static JsonObject snapshot(ConsoleSocket session) {
    JsonObject frame = session.next();
    assertThat(frame.getString("type")).as(frame.encode()).isEqualTo("snapshot");
    JsonObject data = frame.getJsonObject("data");
    assertThat(data.containsKey("errors")).as(data.encode()).isFalse();
    assertThat(data.getString("serverTime")).isNotBlank();
    return data;
  }

  private static List<String> statesPushed(ConsoleSocket session) {
    return session.received().stream()
        .filter(frame -> "agent.state.changed".equals(frame.getString("type")))
        .map(frame -> frame.getJsonObject("data").getString("state"))
        .toList();
  }

  /** Waits until readiness reports everything up, the AMI session to the simulator included. */
  private static void awaitReadiness(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    HttpResponse<String> ready = ServerProcess.get(port, "/health/ready");
    while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      ready = ServerProcess.get(port, "/health/ready");
    }
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
  }

  /** The REST calls the test makes, with one user's token. */
  private record Rest(int port, String token) {

    static Rest login(int port, String username, String password) throws Exception {
      return new Rest(port, ServerProcess.login(port, username, password));
    }

    long createUser(String username, String role) throws Exception {
      return post(
          "/api/v1/users",
          new JsonObject()
              .put("username", username)
              .put("password", PASSWORD)
              .put("roles", new JsonArray().add(role)));
    }

    long createCustomer(String name, String phone) throws Exception {
      return post(
          "/api/v1/customers",
          new JsonObject()
              .put("kind", "individual")
              .put("name", name)
              .put("phones", new JsonArray().add(new JsonObject().put("number", phone))));
    }

    private long post(String path, JsonObject body) throws Exception {
      HttpResponse<String> created =
          ServerProcess.sendJson(port, "POST", path, token, body.encode());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      return new JsonObject(created.body()).getLong("id");
    }
  }
}
