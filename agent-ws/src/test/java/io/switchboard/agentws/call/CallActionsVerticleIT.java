package io.switchboard.agentws.call;

import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.agentws.testbus.Inbox;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.call.CallOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The call commands over a real event bus and PostgreSQL, with the real agent states, the AMI
 * bridge replaced by a test consumer recording every request.
 */
@ExtendWith(VertxExtension.class)
class CallActionsVerticleIT {

  private static final String ALICE_PHONE = "PJSIP/1001";
  private static final String BOB_PHONE = "PJSIP/1002";
  private static final String ALICE_LEG = "PJSIP/1001-0001";
  private static final String CALLER_LEG = "PJSIP/trunk-00000009";

  private CallTestNode node;
  private long alice;
  private long bob;
  private Inbox aliceInbox;

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
        .compose(
            id -> {
              bob = id;
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

  /** The failure of a command that must fail. */
  private static Future<ReplyException> refused(Future<JsonObject> command) {
    return command.transform(
        done ->
            done.succeeded()
                ? Future.failedFuture(new AssertionError("not refused: " + done.result()))
                : Future.succeededFuture((ReplyException) done.cause()));
  }

  private static void assertRefused(ReplyException failure, int code, String... words) {
    assertThat(failure.failureCode()).as(failure.getMessage()).isEqualTo(code);
    assertThat(failure.getMessage()).contains(words);
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
  void clickToDialRingsTheAgentsPhoneThenTheNumberAndPushesTheResult(VertxTestContext ctx) {
    long[] customer = new long[1];
    String[] originateId = new String[1];
    node.customer("Acme")
        .compose(
            id -> {
              customer[0] = id;
              return node.login(alice, ALICE_PHONE);
            })
        .compose(
            ready ->
                node.command(
                    alice,
                    CallMessages.DIAL,
                    new JsonObject().put("number", "138 0013 8000").put("customerId", customer[0])))
        .compose(
            reply -> {
              originateId[0] = reply.getJsonObject("data").getString("originateId");
              ctx.verify(
                  () -> {
                    assertThat(reply.getString("type")).isEqualTo(CallMessages.DIAL);
                    assertThat(node.requests(AmiActionAddresses.ORIGINATE))
                        .containsExactly(
                            new JsonObject()
                                .put("channel", ALICE_PHONE)
                                .put("context", "from-internal")
                                .put("exten", "+8613800138000")
                                .put("priority", "1")
                                .put("channelId", "swb-" + originateId[0])
                                .put("timeoutMs", 30_000L)
                                .put(
                                    "variables",
                                    new JsonObject()
                                        .put("SWITCHBOARD_ORIGINATE_ID", originateId[0])
                                        .put("SWITCHBOARD_AGENT_USER_ID", String.valueOf(alice))
                                        .put("SWITCHBOARD_CUSTOMER_ID", String.valueOf(customer[0]))));
                  });
              return refused(
                  node.command(alice, CallMessages.DIAL, new JsonObject().put("number", "+8613900139000")));
            })
        .compose(
            second -> {
              ctx.verify(() -> assertRefused(second, 409, "has not reached your phone yet"));
              node.agents.publish(CallEvents.dialCreated(originateId[0], ALICE_LEG));
              node.agents.publish(CallEvents.dialAnswered(originateId[0]));
              return aliceInbox.next(CallMessages.DIAL_RESULT);
            })
        .compose(
            result -> {
              ctx.verify(
                  () ->
                      assertThat(result)
                          .isEqualTo(
                              new JsonObject()
                                  .put("originateId", originateId[0])
                                  .put("outcome", "answered")
                                  .put("serverId", "pbx1")
                                  .put("linkedId", "swb-" + originateId[0])));
              return node.command(alice, CallMessages.HANGUP, new JsonObject());
            })
        .compose(
            hungUp -> {
              ctx.verify(
                  () -> {
                    assertThat(hungUp.getJsonObject("data").getString("linkedId"))
                        .isEqualTo("swb-" + originateId[0]);
                    assertThat(node.requests(AmiActionAddresses.HANGUP))
                        .containsExactly(
                            new JsonObject().put("server", "pbx1").put("channel", ALICE_LEG));
                  });
              node.agents.publish(CallEvents.dialEnded(originateId[0], CallOutcome.ANSWERED));
              // The dial is credited to alice, with its customer, for the call log.
              return node.eventually(
                  "SELECT agent_user_id, customer_id FROM call_wrapups WHERE linked_id = $1",
                  Tuple.of("swb-" + originateId[0]),
                  row -> row.getLong("agent_user_id") != null);
            })
        .compose(
            credited -> {
              ctx.verify(
                  () -> {
                    assertThat(credited.getLong("agent_user_id")).isEqualTo(alice);
                    assertThat(credited.getLong("customer_id")).isEqualTo(customer[0]);
                  });
              // Over: alice may dial again.
              return node.command(
                  alice, CallMessages.DIAL, new JsonObject().put("number", "+8613900139000"));
            })
        .onComplete(
            ctx.succeeding(
                again ->
                    ctx.verify(
                        () -> {
                          assertThat(node.requests(AmiActionAddresses.ORIGINATE)).hasSize(2);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aDialThatNeverReachesTheAgentReportsTheCallsOutcomeAndARefusedOneIsForgotten(
      VertxTestContext ctx) {
    node.login(alice, ALICE_PHONE)
        .compose(
            ready ->
                node.command(
                    alice, CallMessages.DIAL, new JsonObject().put("number", "+8613800138000")))
        .compose(
            reply -> {
              String originateId = reply.getJsonObject("data").getString("originateId");
              node.agents.publish(CallEvents.dialEnded(originateId, CallOutcome.NO_ANSWER));
              return aliceInbox
                  .next(CallMessages.DIAL_RESULT)
                  .map(result -> result.put("expected", originateId));
            })
        .compose(
            result -> {
              ctx.verify(
                  () -> {
                    assertThat(result.getString("originateId"))
                        .isEqualTo(result.getString("expected"));
                    assertThat(result.getString("outcome")).isEqualTo("no_answer");
                  });
              // An attempt the agent placed is the agent's call in the reports, answered or not.
              return node.eventually(
                  "SELECT agent_user_id FROM call_wrapups WHERE linked_id = $1",
                  Tuple.of("swb-" + result.getString("expected")),
                  row -> row.getLong("agent_user_id") == alice);
            })
        .compose(
            credited -> {
              node.pbx().refuse(AmiActionAddresses.ORIGINATE, ALICE_PHONE, "Originate failed");
              return refused(
                  node.command(
                      alice, CallMessages.DIAL, new JsonObject().put("number", "+8613800138000")));
            })
        .compose(
            failed -> {
              ctx.verify(() -> assertRefused(failed, 409, "Originate failed"));
              // Refused by the PBX: not waiting for a result, so the next dial is not blocked.
              return refused(
                  node.command(
                      alice, CallMessages.DIAL, new JsonObject().put("number", "+8613800138000")));
            })
        .onComplete(
            ctx.succeeding(
                again ->
                    ctx.verify(
                        () -> {
                          assertRefused(again, 409, "Originate failed");
                          assertThat(node.requests(AmiActionAddresses.ORIGINATE)).hasSize(3);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aDialIsRefusedLoggedOutOnACallWithABadNumberOrAnUnknownCustomer(VertxTestContext ctx) {
    JsonObject good = new JsonObject().put("number", "+8613800138000");
    refused(node.command(alice, CallMessages.DIAL, good))
        .compose(
            loggedOut -> {
              ctx.verify(() -> assertRefused(loggedOut, 409, "call.dial", "log in first"));
              return node.login(alice, ALICE_PHONE);
            })
        .compose(
            ready -> refused(node.command(alice, CallMessages.DIAL, new JsonObject().put("number", "abc"))))
        .compose(
            letters -> {
              ctx.verify(() -> assertRefused(letters, 400, "'number'", "abc"));
              return refused(
                  node.command(alice, CallMessages.DIAL, new JsonObject().put("number", "12")));
            })
        .compose(
            tooShort -> {
              ctx.verify(() -> assertRefused(tooShort, 400, "'number'", "not a valid phone number"));
              return refused(node.command(alice, CallMessages.DIAL, new JsonObject()));
            })
        .compose(
            missing -> {
              ctx.verify(() -> assertRefused(missing, 400, "'number' is required"));
              return refused(
                  node.command(alice, CallMessages.DIAL, good.copy().put("customerId", 987_654)));
            })
        .compose(
            noCustomer -> {
              ctx.verify(() -> assertRefused(noCustomer, 400, "'customerId'", "987654"));
              return refused(
                  node.command(alice, CallMessages.DIAL, good.copy().put("customerId", "x")));
            })
        .compose(
            badCustomer -> {
              ctx.verify(() -> assertRefused(badCustomer, 400, "'customerId'"));
              node.agents.publish(offered("1700000000.1", "sales", ALICE_PHONE));
              node.agents.publish(answered("1700000000.1", "sales", ALICE_PHONE));
              return refused(node.command(alice, CallMessages.DIAL, good));
            })
        .onComplete(
            ctx.succeeding(
                onCall ->
                    ctx.verify(
                        () -> {
                          assertRefused(onCall, 409, "is on a call", "1700000000.1");
                          assertThat(node.requests(AmiActionAddresses.ORIGINATE)).isEmpty();
                          ctx.completeNow();
                        })));
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

  @Test
  void badTransfersAreRefusedNamingTheField(VertxTestContext ctx) {
    JsonObject toBob = new JsonObject().put("kind", "agent").put("value", bob);
    refused(
            node.command(
                alice, CallMessages.TRANSFER, new JsonObject().put("mode", "blind").put("to", toBob)))
        .compose(
            loggedOut -> {
              ctx.verify(() -> assertRefused(loggedOut, 409, "not logged in"));
              return node.login(alice, ALICE_PHONE);
            })
        .compose(
            ready ->
                refused(
                    node.command(
                        alice,
                        CallMessages.TRANSFER,
                        new JsonObject().put("mode", "blind").put("to", toBob))))
        .compose(
            noCall -> {
              ctx.verify(() -> assertRefused(noCall, 409, "has no call"));
              return Future.succeededFuture(aliceAnswers("1700000000.4"));
            })
        .compose(
            talking ->
                refused(
                    node.command(
                        alice,
                        CallMessages.TRANSFER,
                        new JsonObject().put("mode", "blind").put("to", toBob))))
        .compose(
            bobAway -> {
              ctx.verify(() -> assertRefused(bobAway, 409, "agent " + bob, "not logged in"));
              return refused(
                  node.command(
                      alice,
                      CallMessages.TRANSFER,
                      new JsonObject().put("mode", "sideways").put("to", toBob)));
            })
        .compose(
            badMode -> {
              ctx.verify(() -> assertRefused(badMode, 400, "'mode'", "blind, attended"));
              return refused(
                  node.command(
                      alice,
                      CallMessages.TRANSFER,
                      new JsonObject()
                          .put("mode", "blind")
                          .put("to", new JsonObject().put("kind", "moon").put("value", "x"))));
            })
        .compose(
            badKind -> {
              ctx.verify(() -> assertRefused(badKind, 400, "'to.kind'"));
              return refused(
                  node.command(
                      alice,
                      CallMessages.TRANSFER,
                      new JsonObject()
                          .put("mode", "blind")
                          .put("to", new JsonObject().put("kind", "number").put("value", "12"))));
            })
        .compose(
            badNumber -> {
              ctx.verify(() -> assertRefused(badNumber, 400, "'to.value'"));
              return refused(
                  node.command(
                      alice,
                      CallMessages.TRANSFER,
                      new JsonObject()
                          .put("mode", "blind")
                          .put("to", new JsonObject().put("kind", "agent").put("value", alice))));
            })
        .compose(
            self -> {
              ctx.verify(() -> assertRefused(self, 400, "'to.value' is you"));
              node.pbx().answer(AmiActionAddresses.GETVAR, ALICE_LEG, new JsonObject());
              return refused(
                  node.command(
                      alice,
                      CallMessages.TRANSFER,
                      new JsonObject()
                          .put("mode", "blind")
                          .put("to", new JsonObject().put("kind", "queue").put("value", "support"))));
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
              ctx.verify(() -> assertRefused(nowhere, 409, "no recording runs", "Cannot set mute flag"));
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
              return refused(node.command(alice, "customer", CallMessages.HANGUP, new JsonObject()));
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
