package io.switchboard.agentws.call;

import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static io.switchboard.agentws.call.Refusals.assertRefused;
import static io.switchboard.agentws.call.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.agentws.testbus.Inbox;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.call.CallOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code call.dial}: the Originate, the result pushed to the agent, the credit. Over a real event
 * bus and PostgreSQL, with the real agent states; the AMI bridge is replaced by a test consumer
 * recording every request.
 */
@ExtendWith(VertxExtension.class)
class ClickToDialIT {

  private static final String ALICE_PHONE = "PJSIP/1001";
  private static final String ALICE_LEG = "PJSIP/1001-0001";

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

  /** Alice logs in and dials the number for customer Acme; the originate id. */
  private Future<String> aliceDials(long[] customer) {
    return node.customer("Acme")
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
        .map(reply -> reply.getJsonObject("data").getString("originateId"));
  }

  @Test
  void clickToDialRingsTheAgentsPhoneThenTheNumberAndPushesTheResult(VertxTestContext ctx) {
    long[] customer = new long[1];
    String[] originateId = new String[1];
    aliceDials(customer)
        .compose(
            id -> {
              originateId[0] = id;
              ctx.verify(
                  () ->
                      assertThat(node.requests(AmiActionAddresses.ORIGINATE))
                          .containsExactly(
                              new JsonObject()
                                  .put("channel", ALICE_PHONE)
                                  .put("context", "from-internal")
                                  .put("exten", "+8613800138000")
                                  .put("priority", "1")
                                  .put("channelId", "swb-" + id)
                                  .put("timeoutMs", 30_000L)
                                  .put(
                                      "variables",
                                      new JsonObject()
                                          .put("SWITCHBOARD_ORIGINATE_ID", id)
                                          .put("SWITCHBOARD_AGENT_USER_ID", String.valueOf(alice))
                                          .put(
                                              "SWITCHBOARD_CUSTOMER_ID",
                                              String.valueOf(customer[0])))));
              return refused(
                  node.command(
                      alice, CallMessages.DIAL, new JsonObject().put("number", "+8613900139000")));
            })
        .compose(
            second -> {
              ctx.verify(() -> assertRefused(second, 409, "has not reached your phone yet"));
              node.agents.publish(CallEvents.dialCreated(originateId[0], ALICE_LEG));
              node.agents.publish(CallEvents.dialAnswered(originateId[0]));
              return aliceInbox.next(CallMessages.DIAL_RESULT);
            })
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          assertThat(result)
                              .isEqualTo(
                                  new JsonObject()
                                      .put("originateId", originateId[0])
                                      .put("outcome", "answered")
                                      .put("serverId", "pbx1")
                                      .put("linkedId", "swb-" + originateId[0]));
                          ctx.completeNow();
                        })));
  }

  @Test
  void aDialledCallIsHungUpFromTheConsoleAndCreditedToItsAgentAndCustomer(VertxTestContext ctx) {
    long[] customer = new long[1];
    String[] originateId = new String[1];
    aliceDials(customer)
        .compose(
            id -> {
              originateId[0] = id;
              node.agents.publish(CallEvents.dialCreated(id, ALICE_LEG));
              node.agents.publish(CallEvents.dialAnswered(id));
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
            ready ->
                refused(
                    node.command(alice, CallMessages.DIAL, new JsonObject().put("number", "abc"))))
        .compose(
            letters -> {
              ctx.verify(() -> assertRefused(letters, 400, "'number'", "abc"));
              return refused(
                  node.command(alice, CallMessages.DIAL, new JsonObject().put("number", "12")));
            })
        .compose(
            tooShort -> {
              ctx.verify(
                  () -> assertRefused(tooShort, 400, "'number'", "not a valid phone number"));
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
}
