package io.switchboard.agentws.call;

import static io.switchboard.agentws.call.Refusals.assertRefused;
import static io.switchboard.agentws.call.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.persistence.AgentStateHistoryRow;
import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.agentws.testbus.Inbox;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.call.CallOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent state of a click-to-dial: busy from the dial on (pushed, stored in the history, the PBX
 * told not to ring the phone), wrap-up after the call, and back to the earlier state when the dial
 * does not reach the agent. Over a real event bus, PostgreSQL and Redis with the real agent states;
 * the AMI bridge is replaced by a test consumer recording every request.
 */
@ExtendWith(VertxExtension.class)
class ClickToDialStateIT {

  private static final String ALICE_PHONE = "PJSIP/1001";
  private static final String ALICE_LEG = "PJSIP/1001-0001";
  private static final JsonObject NUMBER = new JsonObject().put("number", "+8613800138000");

  private CallTestNode node;
  private long alice;
  private Inbox aliceInbox;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    node = new CallTestNode(new AgentNode(vertx));
    node.start()
        .compose(started -> node.agents.user("alice"))
        .compose(
            id -> {
              alice = id;
              return Inbox.open(vertx.eventBus(), ConsoleBusAddresses.toUser(alice));
            })
        .onComplete(
            ctx.succeeding(
                inbox -> {
                  aliceInbox = inbox;
                  ctx.completeNow();
                }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    node.agents.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void drop() {
    node.agents.drop();
  }

  /** The next state pushed to alice's consoles. */
  private Future<JsonObject> nextState() {
    return aliceInbox.next(ConsoleBusAddresses.AGENT_STATE_CHANGED);
  }

  private void advance(long seconds) {
    node.agents.clock.advance(Duration.ofSeconds(seconds));
  }

  /** Alice logs out after {@code seconds} (which also waits for the history of every change). */
  private Future<List<String>> historyAfterLogout(long seconds) {
    advance(seconds);
    return node.agents
        .command(alice, ConsoleBusAddresses.AGENT_LOGOUT, new JsonObject())
        .compose(out -> node.agents.history.history(alice))
        .map(rows -> rows.stream().map(ClickToDialStateIT::row).toList());
  }

  private static String row(AgentStateHistoryRow row) {
    return row.state()
        + (row.reason() == null ? "" : "(" + row.reason() + ")")
        + " "
        + Duration.between(AgentNode.T0, row.startedAt()).toSeconds()
        + "-"
        + (row.endedAt() == null
            ? "open"
            : Duration.between(AgentNode.T0, row.endedAt()).toSeconds());
  }

  /** The QueuePause requests so far, as "paused(reason)" or "unpaused". */
  private List<String> pauses() {
    return node.pbx().requests(AmiActionAddresses.QUEUE_PAUSE).stream()
        .map(
            pause -> {
              assertThat(pause.getString("interface")).isEqualTo(ALICE_PHONE);
              return pause.getBoolean("paused")
                  ? "paused(" + pause.getString("reason") + ")"
                  : "unpaused";
            })
        .toList();
  }

  @Test
  void aClickToDialPutsTheAgentOnTheCallPausedOnThePbxThenWrapsUpAndIsReadyAgain(
      VertxTestContext ctx) {
    String[] originateId = new String[1];
    node.login(alice, ALICE_PHONE)
        .compose(ready -> nextState())
        .compose(
            ready -> {
              advance(10);
              return node.command(alice, CallMessages.DIAL, NUMBER);
            })
        .compose(
            dialled -> {
              originateId[0] = dialled.getJsonObject("data").getString("originateId");
              return nextState();
            })
        .compose(
            onCall -> {
              ctx.verify(
                  () -> {
                    assertThat(onCall.getString("state")).isEqualTo("on_call");
                    assertThat(onCall.getString("reason")).isEqualTo("outbound");
                    assertThat(onCall.getString("linkedId")).isEqualTo("swb-" + originateId[0]);
                    assertThat(onCall.getString("callQueue")).isNull();
                    assertThat(onCall.getString("since"))
                        .isEqualTo(AgentNode.T0.plusSeconds(10).toString());
                    // The queues stop ringing the phone before the dial rings it.
                    assertThat(pauses()).containsExactly("paused(outbound)");
                    assertThat(
                            node.pbx().requests().stream()
                                .map(request -> request.getString("address")))
                        .containsSubsequence(
                            AmiActionAddresses.QUEUE_PAUSE, AmiActionAddresses.ORIGINATE);
                  });
              node.agents.publish(CallEvents.dialCreated(originateId[0], ALICE_LEG));
              node.agents.publish(CallEvents.dialAnswered(originateId[0]));
              advance(90);
              node.agents.publish(CallEvents.dialEnded(originateId[0], CallOutcome.ANSWERED));
              return nextState();
            })
        .compose(
            wrapUp -> {
              ctx.verify(
                  () -> {
                    assertThat(wrapUp.getString("state")).isEqualTo("wrap_up");
                    assertThat(wrapUp.getString("linkedId")).isEqualTo("swb-" + originateId[0]);
                    // No queue: the '*' rule of console.wrap-up (30 s, then ready).
                    assertThat(wrapUp.getString("wrapUpEndsAt"))
                        .isEqualTo(AgentNode.T0.plusSeconds(130).toString());
                  });
              advance(30);
              return nextState();
            })
        .compose(
            ready -> {
              ctx.verify(() -> assertThat(ready.getString("state")).isEqualTo("ready"));
              return historyAfterLogout(5);
            })
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .containsExactly(
                                  "ready 0-10",
                                  "on_call(outbound) 10-100",
                                  "wrap_up 100-130",
                                  "ready 130-135",
                                  "logged_out 135-open");
                          assertThat(pauses())
                              .containsExactly("paused(outbound)", "paused(wrap-up)", "unpaused");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aDialThePbxRefusesReturnsTheAgentToReadyAtOnce(VertxTestContext ctx) {
    node.pbx().refuse(AmiActionAddresses.ORIGINATE, ALICE_PHONE, "Originate failed");
    node.login(alice, ALICE_PHONE)
        .compose(ready -> nextState())
        .compose(
            ready -> {
              advance(10);
              return refused(node.command(alice, CallMessages.DIAL, NUMBER));
            })
        .compose(
            failed -> {
              ctx.verify(() -> assertRefused(failed, 409, "Originate failed"));
              return nextState();
            })
        .compose(
            onCall -> {
              ctx.verify(() -> assertThat(onCall.getString("state")).isEqualTo("on_call"));
              return nextState();
            })
        .compose(
            back -> {
              ctx.verify(() -> assertThat(back.getString("state")).isEqualTo("ready"));
              return historyAfterLogout(5);
            })
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .containsExactly(
                                  "ready 0-10",
                                  "on_call(outbound) 10-10",
                                  "ready 10-15",
                                  "logged_out 15-open");
                          assertThat(pauses()).containsExactly("paused(outbound)", "unpaused");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aDialTheAgentsPhoneDoesNotAnswerReturnsAPausedAgentToItsPause(VertxTestContext ctx) {
    node.login(alice, ALICE_PHONE)
        .compose(
            ready ->
                node.agents.command(
                    alice,
                    ConsoleBusAddresses.AGENT_PAUSE,
                    new JsonObject().put("reason", "lunch")))
        .compose(
            paused -> {
              advance(10);
              return node.command(alice, CallMessages.DIAL, NUMBER);
            })
        .compose(
            dialled -> {
              String originateId = dialled.getJsonObject("data").getString("originateId");
              node.agents.publish(CallEvents.dialCreated(originateId, ALICE_LEG));
              advance(30);
              node.agents.publish(CallEvents.dialEnded(originateId, CallOutcome.NO_ANSWER));
              return aliceInbox.next(CallMessages.DIAL_RESULT);
            })
        .compose(
            result -> {
              ctx.verify(() -> assertThat(result.getString("outcome")).isEqualTo("no_answer"));
              // ready, paused(lunch), on_call, then back to the pause.
              return nextState()
                  .compose(ready -> nextState())
                  .compose(paused -> nextState())
                  .compose(onCall -> nextState());
            })
        .compose(
            back -> {
              ctx.verify(
                  () -> {
                    assertThat(back.getString("state")).isEqualTo("paused");
                    assertThat(back.getString("reason")).isEqualTo("lunch");
                  });
              return refused(node.command(alice, CallMessages.HANGUP, new JsonObject()));
            })
        .compose(
            noCall -> {
              ctx.verify(() -> assertRefused(noCall, 409, "has no call"));
              return historyAfterLogout(5);
            })
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows)
                              .containsExactly(
                                  "ready 0-0",
                                  "paused(lunch) 0-10",
                                  "on_call(outbound) 10-40",
                                  "paused(lunch) 40-45",
                                  "logged_out 45-open");
                          assertThat(pauses())
                              .containsExactly(
                                  "paused(lunch)", "paused(outbound)", "paused(lunch)");
                          ctx.completeNow();
                        })));
  }
}
