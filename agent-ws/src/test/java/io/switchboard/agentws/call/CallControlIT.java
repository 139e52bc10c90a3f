package io.switchboard.agentws.call;

import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static io.switchboard.agentws.call.Refusals.assertRefused;
import static io.switchboard.agentws.call.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.core.ami.AmiActionAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hangup, transfers and the recording pause on the agent's leg of its call. Over a real event bus
 * and PostgreSQL, with the real agent states; the AMI bridge is replaced by a test consumer
 * recording every request.
 */
@ExtendWith(VertxExtension.class)
class CallControlIT {

  private static final String ALICE_PHONE = "PJSIP/1001";
  private static final String BOB_PHONE = "PJSIP/1002";
  private static final String ALICE_LEG = "PJSIP/1001-0001";
  private static final String CALLER_LEG = "PJSIP/trunk-00000009";

  private CallTestNode node;
  private long alice;
  private long bob;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    node = new CallTestNode(new AgentNode(vertx));
    node.start()
        .compose(started -> node.agents.user("alice"))
        .compose(
            id -> {
              alice = id;
              return node.agents.user("bob");
            })
        .onComplete(
            ctx.succeeding(
                id -> {
                  bob = id;
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

  /** Alice logs in and a queue call is answered by her phone. */
  private Future<Void> aliceTalksOn(String linkedId) {
    return node.login(alice, ALICE_PHONE).map(ready -> aliceAnswers(linkedId));
  }

  /** A queue call is answered by alice's phone, bridged with the caller's channel. */
  private Void aliceAnswers(String linkedId) {
    node.agents.publish(offered(linkedId, "sales", ALICE_PHONE));
    node.agents.publish(answered(linkedId, "sales", ALICE_PHONE));
    node.pbx()
        .answer(AmiActionAddresses.GETVAR, ALICE_LEG, new JsonObject().put("value", CALLER_LEG));
    return null;
  }

  @Test
  void aBlindTransferRedirectsTheOtherPartyAndTheAgentsLegIsGone(VertxTestContext ctx) {
    aliceTalksOn("1700000000.2")
        .compose(
            talking ->
                node.command(
                    alice,
                    CallMessages.TRANSFER,
                    new JsonObject()
                        .put("mode", "blind")
                        .put("to", new JsonObject().put("kind", "queue").put("value", "support"))))
        .compose(
            reply -> {
              ctx.verify(
                  () -> {
                    assertThat(reply.getJsonObject("data").getString("linkedId"))
                        .isEqualTo("1700000000.2");
                    assertThat(node.requests(AmiActionAddresses.GETVAR))
                        .containsExactly(
                            new JsonObject()
                                .put("server", "pbx1")
                                .put("channel", ALICE_LEG)
                                .put("variable", "BRIDGEPEER"));
                    assertThat(node.requests(AmiActionAddresses.REDIRECT))
                        .containsExactly(
                            new JsonObject()
                                .put("server", "pbx1")
                                .put("channel", CALLER_LEG)
                                .put("context", "queues")
                                .put("exten", "support")
                                .put("priority", "1"));
                  });
              return refused(node.command(alice, CallMessages.HANGUP, new JsonObject()));
            })
        .onComplete(
            ctx.succeeding(
                noCall ->
                    ctx.verify(
                        () -> {
                          assertRefused(noCall, 409, "call.hangup", "has no call");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anAttendedTransferCallsTheTargetFromTheAgentsLeg(VertxTestContext ctx) {
    aliceTalksOn("1700000000.3")
        .compose(talking -> node.login(bob, BOB_PHONE))
        .compose(
            bobReady ->
                node.command(
                    alice,
                    CallMessages.TRANSFER,
                    new JsonObject()
                        .put("mode", "attended")
                        .put("to", new JsonObject().put("kind", "agent").put("value", bob))))
        .compose(
            toBob ->
                node.command(
                    alice,
                    CallMessages.TRANSFER,
                    new JsonObject()
                        .put("mode", "attended")
                        .put(
                            "to",
                            new JsonObject().put("kind", "number").put("value", "010 6552 9988"))))
        .onComplete(
            ctx.succeeding(
                toNumber ->
                    ctx.verify(
                        () -> {
                          assertThat(node.requests(AmiActionAddresses.ATXFER))
                              .containsExactly(
                                  new JsonObject()
                                      .put("server", "pbx1")
                                      .put("channel", ALICE_LEG)
                                      .put("context", "from-internal")
                                      .put("exten", "1002"),
                                  new JsonObject()
                                      .put("server", "pbx1")
                                      .put("channel", ALICE_LEG)
                                      .put("context", "from-internal")
                                      .put("exten", "+861065529988"));
                          assertThat(node.requests(AmiActionAddresses.REDIRECT)).isEmpty();
                          ctx.completeNow();
                        })));
  }

  private Future<JsonObject> transfer(String mode, String kind, Object value) {
    return node.command(
        alice,
        CallMessages.TRANSFER,
        new JsonObject()
            .put("mode", mode)
            .put("to", new JsonObject().put("kind", kind).put("value", value)));
  }

  @Test
  void transfersWithoutACallOrToAnAbsentAgentOrPartyAreRefused(VertxTestContext ctx) {
    refused(transfer("blind", "agent", bob))
        .compose(
            loggedOut -> {
              ctx.verify(() -> assertRefused(loggedOut, 409, "not logged in"));
              return node.login(alice, ALICE_PHONE);
            })
        .compose(ready -> refused(transfer("blind", "agent", bob)))
        .compose(
            noCall -> {
              ctx.verify(() -> assertRefused(noCall, 409, "has no call"));
              return Future.succeededFuture(aliceAnswers("1700000000.4"));
            })
        .compose(talking -> refused(transfer("blind", "agent", bob)))
        .compose(
            bobAway -> {
              ctx.verify(() -> assertRefused(bobAway, 409, "agent " + bob, "not logged in"));
              node.pbx().answer(AmiActionAddresses.GETVAR, ALICE_LEG, new JsonObject());
              return refused(transfer("blind", "queue", "support"));
            })
        .onComplete(
            ctx.succeeding(
                notBridged ->
                    ctx.verify(
                        () -> {
                          assertRefused(notBridged, 409, "not talking to anyone");
                          assertThat(node.requests(AmiActionAddresses.REDIRECT)).isEmpty();
                          assertThat(node.requests(AmiActionAddresses.ATXFER)).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void transfersWithBadFieldsAreRefusedNamingTheField(VertxTestContext ctx) {
    aliceTalksOn("1700000000.7")
        .compose(talking -> refused(transfer("sideways", "agent", bob)))
        .compose(
            badMode -> {
              ctx.verify(() -> assertRefused(badMode, 400, "'mode'", "blind, attended"));
              return refused(transfer("blind", "moon", "x"));
            })
        .compose(
            badKind -> {
              ctx.verify(() -> assertRefused(badKind, 400, "'to.kind'"));
              return refused(transfer("blind", "number", "12"));
            })
        .compose(
            badNumber -> {
              ctx.verify(() -> assertRefused(badNumber, 400, "'to.value'"));
              return refused(transfer("blind", "agent", alice));
            })
        .onComplete(
            ctx.succeeding(
                self ->
                    ctx.verify(
                        () -> {
                          assertRefused(self, 400, "'to.value' is you");
                          assertThat(node.requests(AmiActionAddresses.REDIRECT)).isEmpty();
                          assertThat(node.requests(AmiActionAddresses.ATXFER)).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void theRecordingIsPausedOnTheAgentsLegOrElseOnTheOtherParty(VertxTestContext ctx) {
    JsonObject pause = new JsonObject().put("action", "pause");
    aliceTalksOn("1700000000.5")
        .compose(talking -> node.command(alice, CallMessages.RECORDING, pause))
        .compose(
            paused -> {
              ctx.verify(
                  () ->
                      assertThat(paused.getJsonObject("data").getString("recordingChannel"))
                          .isEqualTo(ALICE_LEG));
              node.pbx()
                  .refuse(AmiActionAddresses.MIXMONITOR_MUTE, ALICE_LEG, "Cannot set mute flag");
              return node.command(
                  alice, CallMessages.RECORDING, new JsonObject().put("action", "resume"));
            })
        .compose(
            resumed -> {
              ctx.verify(
                  () -> {
                    assertThat(resumed.getJsonObject("data").getString("recordingChannel"))
                        .isEqualTo(CALLER_LEG);
                    assertThat(node.requests(AmiActionAddresses.MIXMONITOR_MUTE))
                        .containsExactly(
                            mute(ALICE_LEG, true), mute(ALICE_LEG, false), mute(CALLER_LEG, false));
                  });
              node.pbx()
                  .refuse(AmiActionAddresses.MIXMONITOR_MUTE, CALLER_LEG, "Cannot set mute flag");
              return refused(node.command(alice, CallMessages.RECORDING, pause));
            })
        .compose(
            nowhere -> {
              ctx.verify(
                  () -> assertRefused(nowhere, 409, "no recording runs", "Cannot set mute flag"));
              return refused(
                  node.command(
                      alice, CallMessages.RECORDING, new JsonObject().put("action", "stop")));
            })
        .onComplete(
            ctx.succeeding(
                badAction ->
                    ctx.verify(
                        () -> {
                          assertRefused(badAction, 400, "'action'", "pause, resume");
                          ctx.completeNow();
                        })));
  }

  @Test
  void theRecordingCannotBePausedWithoutACallNorARingingOne(VertxTestContext ctx) {
    JsonObject pause = new JsonObject().put("action", "pause");
    node.login(alice, ALICE_PHONE)
        .compose(ready -> refused(node.command(alice, CallMessages.RECORDING, pause)))
        .compose(
            noCall -> {
              ctx.verify(() -> assertRefused(noCall, 409, "has no call"));
              node.agents.publish(offered("1700000000.6", "sales", ALICE_PHONE));
              return refused(node.command(alice, CallMessages.RECORDING, pause));
            })
        .compose(
            ringing -> {
              ctx.verify(() -> assertRefused(ringing, 409, "not answered yet"));
              // A ringing call can be hung up (rejected).
              return node.command(alice, CallMessages.HANGUP, new JsonObject());
            })
        .onComplete(
            ctx.succeeding(
                rejected ->
                    ctx.verify(
                        () -> {
                          assertThat(node.requests(AmiActionAddresses.MIXMONITOR_MUTE)).isEmpty();
                          assertThat(node.requests(AmiActionAddresses.HANGUP))
                              .extracting(request -> request.getString("channel"))
                              .containsExactly(ALICE_LEG);
                          ctx.completeNow();
                        })));
  }

  @Test
  void commandsOfOtherTypesOrRolesOrMalformedAreRefused(VertxTestContext ctx) {
    refused(node.command(alice, "call.fly", new JsonObject()))
        .compose(
            unknown -> {
              ctx.verify(() -> assertRefused(unknown, 400, "unknown call command 'call.fly'"));
              return refused(
                  node.command(alice, "customer", CallMessages.HANGUP, new JsonObject()));
            })
        .compose(
            role -> {
              ctx.verify(() -> assertRefused(role, 403, "for agents and supervisors"));
              return refused(
                  node.agents
                      .vertx
                      .eventBus()
                      .<JsonObject>request(
                          CallMessages.COMMAND_ADDRESS, new JsonObject().put("type", "call.hangup"))
                      .map(message -> message.body()));
            })
        .onComplete(
            ctx.succeeding(
                malformed ->
                    ctx.verify(
                        () -> {
                          assertRefused(malformed, 400, "'userId'");
                          assertThat(node.pbx().requests()).isEmpty();
                          ctx.completeNow();
                        })));
  }

  private static JsonObject mute(String channel, boolean mute) {
    return new JsonObject()
        .put("server", "pbx1")
        .put("channel", channel)
        .put("mute", mute)
        .put("direction", "both");
  }
}
