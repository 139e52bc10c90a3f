package io.switchboard.agentws.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.agentws.testbus.FakeAmiActions;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.console.ConsoleCommand;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Supervisor actions over a real event bus: the AMI bridge is {@link FakeAmiActions}, the
 * agent-state owner a test consumer answering {@code agent.state.query} from a map and recording
 * the agent commands it is sent (refusing those of agents listed as refused, as the agent owner
 * refuses a logout during a call).
 */
@ExtendWith(VertxExtension.class)
class SupervisorActionsIT {

  private static final long AGENT = 12;
  private static final String AGENT_PHONE = "PJSIP/1001";
  private static final String SUPERVISOR_PHONE = "PJSIP/2001";

  private Vertx vertx;
  private FakeAmiActions pbx;
  private final Map<Long, AgentState> agents = new HashMap<>();
  private final Map<Long, String> refusals = new HashMap<>();
  private final List<JsonObject> agentCommands = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    vertx.runOnContext(
        onContext ->
            FakeAmiActions.start(vertx.eventBus())
                .compose(
                    fake -> {
                      pbx = fake;
                      return agentOwner();
                    })
                .compose(owner -> vertx.deployVerticle(new SupervisorActionsVerticle()))
                .onComplete(ctx.succeedingThenComplete()));
  }

  private Future<Void> agentOwner() {
    MessageConsumer<JsonObject> query =
        vertx
            .eventBus()
            .consumer(
                ConsoleBusAddresses.AGENT_STATE_QUERY,
                message -> {
                  long userId = message.body().getLong("userId");
                  AgentState state =
                      agents.getOrDefault(userId, AgentState.loggedOut(userId, Instant.EPOCH));
                  message.reply(new JsonObject().put("agent", state.toJson()));
                });
    MessageConsumer<JsonObject> commands =
        vertx.eventBus().consumer(ConsoleBusAddresses.AGENT_COMMANDS, this::agentCommand);
    return Future.all(query.completion(), commands.completion()).mapEmpty();
  }

  private void agentCommand(Message<JsonObject> message) {
    ConsoleCommand command = ConsoleCommand.fromJson(message.body());
    agentCommands.add(message.body());
    String refusal = refusals.get(command.userId());
    if (refusal != null) {
      message.fail(409, refusal);
      return;
    }
    AgentStatus next =
        command.type().equals(ConsoleBusAddresses.AGENT_PAUSE)
            ? AgentStatus.PAUSED
            : AgentStatus.LOGGED_OUT;
    message.reply(
        new JsonObject()
            .put("type", ConsoleBusAddresses.AGENT_STATE)
            .put(
                "data",
                new JsonObject()
                    .put("userId", command.userId())
                    .put("state", next.wire())
                    .put("reason", command.data().getString("reason"))));
  }

  private static AgentState onCall(String phone) {
    return new AgentState(
        AGENT,
        AgentStatus.ON_CALL,
        null,
        phone,
        List.of("sales"),
        Instant.parse("2026-11-23T09:00:00Z"),
        "1700000000.42",
        "sales",
        null);
  }

  private Future<JsonObject> command(String role, String type, JsonObject data) {
    ConsoleCommand command = new ConsoleCommand(7, "sue", List.of(role), type, data);
    return vertx
        .eventBus()
        .<JsonObject>request(ConsoleBusAddresses.SUPERVISOR_COMMANDS, command.toJson())
        .map(Message::body);
  }

  private static JsonObject spy(String mode) {
    return new JsonObject()
        .put("agentUserId", AGENT)
        .put("mode", mode)
        .put("interface", SUPERVISOR_PHONE);
  }

  private static void assertRefused(Throwable failure, int code, String message) {
    assertThat(failure).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(code);
    assertThat(failure).hasMessageContaining(message);
  }

  @Test
  void anAgentIsRefusedEverySupervisorActionWith403AndNothingHappens(VertxTestContext ctx) {
    agents.put(AGENT, onCall(AGENT_PHONE));
    vertx.runOnContext(
        onContext ->
            command("agent", ConsoleBusAddresses.SUPERVISOR_SPY, spy("listen"))
                .recover(
                    spyRefused -> {
                      ctx.verify(
                          () ->
                              assertRefused(
                                  spyRefused,
                                  403,
                                  "supervisor.spy needs the role supervisor or admin; sue has [agent]"));
                      return command(
                          "agent",
                          ConsoleBusAddresses.SUPERVISOR_LOGOUT,
                          new JsonObject().put("agentUserId", AGENT));
                    })
                .onComplete(
                    ctx.failing(
                        logoutRefused ->
                            ctx.verify(
                                () -> {
                                  assertRefused(logoutRefused, 403, "supervisor or admin");
                                  assertThat(pbx.requests()).isEmpty();
                                  assertThat(agentCommands).isEmpty();
                                  ctx.completeNow();
                                }))));
  }

  @Test
  void spyRingsTheSupervisorsPhoneIntoChanSpyOnTheAgentsChannels(VertxTestContext ctx) {
    agents.put(AGENT, onCall(AGENT_PHONE));
    vertx.runOnContext(
        onContext ->
            command("supervisor", ConsoleBusAddresses.SUPERVISOR_SPY, spy("whisper"))
                .compose(
                    whisper -> {
                      ctx.verify(
                          () -> {
                            assertThat(whisper.getString("type")).isEqualTo("supervisor.done");
                            JsonObject data = whisper.getJsonObject("data");
                            assertThat(data.getString("action")).isEqualTo("supervisor.spy");
                            assertThat(data.getLong("agentUserId")).isEqualTo(AGENT);
                            assertThat(data.getString("target")).isEqualTo("PJSIP/1001-");
                            assertThat(data.getString("linkedId")).isEqualTo("1700000000.42");
                          });
                      // An agent on a Local interface: its channels are Local/1003@agents-<n>;1.
                      agents.put(AGENT, onCall("Local/1003@agents/n"));
                      return command("admin", ConsoleBusAddresses.SUPERVISOR_SPY, spy("barge"));
                    })
                .onComplete(
                    ctx.succeeding(
                        barge ->
                            ctx.verify(
                                () -> {
                                  List<JsonObject> spies = pbx.requests(AmiActionAddresses.SPY);
                                  assertThat(spies).hasSize(2);
                                  assertThat(spies.get(0).getString("supervisor"))
                                      .isEqualTo(SUPERVISOR_PHONE);
                                  assertThat(spies.get(0).getString("target"))
                                      .isEqualTo("PJSIP/1001-");
                                  assertThat(spies.get(0).getString("mode")).isEqualTo("whisper");
                                  assertThat(spies.get(1).getString("target"))
                                      .isEqualTo("Local/1003@agents-");
                                  assertThat(spies.get(1).getString("mode")).isEqualTo("barge");
                                  assertThat(agentCommands).isEmpty();
                                  ctx.completeNow();
                                }))));
  }

  @Test
  void spyOnAnAgentWithoutACallOrRefusedByAsteriskFailsWithTheReason(VertxTestContext ctx) {
    agents.put(
        AGENT,
        new AgentState(
            AGENT,
            AgentStatus.READY,
            null,
            AGENT_PHONE,
            List.of("sales"),
            Instant.EPOCH,
            null,
            null,
            null));
    vertx.runOnContext(
        onContext ->
            command("supervisor", ConsoleBusAddresses.SUPERVISOR_SPY, spy("listen"))
                .recover(
                    notOnCall -> {
                      ctx.verify(
                          () -> {
                            assertRefused(
                                notOnCall, 409, "agent 12 is not on a call (state ready)");
                            assertThat(pbx.requests()).isEmpty();
                          });
                      agents.put(AGENT, onCall(AGENT_PHONE));
                      pbx.refuse(
                          AmiActionAddresses.SPY,
                          null,
                          "Asterisk refused Originate: Extension does not exist.");
                      return command(
                          "supervisor", ConsoleBusAddresses.SUPERVISOR_SPY, spy("listen"));
                    })
                .onComplete(
                    ctx.failing(
                        refused ->
                            ctx.verify(
                                () -> {
                                  assertRefused(refused, 409, "Extension does not exist");
                                  ctx.completeNow();
                                }))));
  }

  @Test
  void forcedPauseAndLogoutGoToTheAgentOwnerAsTheAgentsCommands(VertxTestContext ctx) {
    vertx.runOnContext(
        onContext ->
            command(
                    "supervisor",
                    ConsoleBusAddresses.SUPERVISOR_PAUSE,
                    new JsonObject().put("agentUserId", AGENT).put("reason", "coaching"))
                .compose(
                    paused -> {
                      ctx.verify(
                          () -> {
                            assertThat(paused.getString("type")).isEqualTo("supervisor.done");
                            JsonObject data = paused.getJsonObject("data");
                            assertThat(data.getString("action")).isEqualTo("supervisor.pause");
                            assertThat(data.getJsonObject("agent").getString("state"))
                                .isEqualTo("paused");
                          });
                      return command(
                          "admin",
                          ConsoleBusAddresses.SUPERVISOR_LOGOUT,
                          new JsonObject().put("agentUserId", AGENT));
                    })
                .onComplete(
                    ctx.succeeding(
                        out ->
                            ctx.verify(
                                () -> {
                                  assertThat(
                                          out.getJsonObject("data")
                                              .getJsonObject("agent")
                                              .getString("state"))
                                      .isEqualTo("logged_out");
                                  assertThat(agentCommands).hasSize(2);
                                  ConsoleCommand pause =
                                      ConsoleCommand.fromJson(agentCommands.get(0));
                                  assertThat(pause.userId()).isEqualTo(AGENT);
                                  assertThat(pause.username()).isEqualTo("supervisor:sue");
                                  assertThat(pause.type()).isEqualTo("agent.pause");
                                  assertThat(pause.data())
                                      .isEqualTo(new JsonObject().put("reason", "coaching"));
                                  ConsoleCommand logout =
                                      ConsoleCommand.fromJson(agentCommands.get(1));
                                  assertThat(logout.userId()).isEqualTo(AGENT);
                                  assertThat(logout.type()).isEqualTo("agent.logout");
                                  assertThat(pbx.requests()).isEmpty();
                                  ctx.completeNow();
                                }))));
  }

  @Test
  void theAgentOwnersRefusalReachesTheSupervisorWithItsCodeAndMessage(VertxTestContext ctx) {
    refusals.put(AGENT, "agent 12 cannot log out while on_call");
    vertx.runOnContext(
        onContext ->
            command(
                    "supervisor",
                    ConsoleBusAddresses.SUPERVISOR_LOGOUT,
                    new JsonObject().put("agentUserId", AGENT))
                .onComplete(
                    ctx.failing(
                        refused ->
                            ctx.verify(
                                () -> {
                                  assertRefused(refused, 409, "cannot log out while on_call");
                                  ctx.completeNow();
                                }))));
  }

  @Test
  void badSupervisorCommandsAreRefusedWithWhatIsWrong(VertxTestContext ctx) {
    vertx.runOnContext(
        onContext ->
            command(
                    "supervisor",
                    ConsoleBusAddresses.SUPERVISOR_PAUSE,
                    new JsonObject().put("reason", "x"))
                .recover(
                    noAgent -> {
                      ctx.verify(
                          () ->
                              assertRefused(noAgent, 400, "supervisor.pause needs 'agentUserId'"));
                      return command(
                          "supervisor", ConsoleBusAddresses.SUPERVISOR_SPY, spy("shout"));
                    })
                .recover(
                    badMode -> {
                      ctx.verify(
                          () -> assertRefused(badMode, 400, "'mode': listen, whisper or barge"));
                      return command(
                          "supervisor",
                          ConsoleBusAddresses.SUPERVISOR_SPY,
                          spy("listen").put("interface", "PJSIP/2001,q"));
                    })
                .recover(
                    badPhone -> {
                      ctx.verify(() -> assertRefused(badPhone, 400, "'interface'"));
                      return command("supervisor", "supervisor.fire", new JsonObject());
                    })
                .onComplete(
                    ctx.failing(
                        unknown ->
                            ctx.verify(
                                () -> {
                                  assertRefused(
                                      unknown,
                                      400,
                                      "unknown supervisor command type 'supervisor.fire'");
                                  assertThat(pbx.requests()).isEmpty();
                                  assertThat(agentCommands).isEmpty();
                                  ctx.completeNow();
                                }))));
  }
}
