package io.switchboard.agentws.call;

import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static io.switchboard.agentws.call.Refusals.assertRefused;
import static io.switchboard.agentws.call.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.core.ami.AmiActionAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node that restarts during a call: its call actions start knowing no call leg, and learn the
 * legs of calls already talking from what the AMI bridge publishes at its resync ({@code
 * call.created} and {@code call.answered} of each adopted call). Over a real event bus, PostgreSQL
 * and Redis with the real agent states (restored as on_call); the bridge's actions answered by a
 * test consumer recording every request.
 */
@ExtendWith(VertxExtension.class)
class CallLegsAfterRestartIT {

  private static final String ALICE_PHONE = "PJSIP/1001";

  private CallTestNode node;
  private long alice;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    node = new CallTestNode(new AgentNode(vertx));
    // The agent states only: the call actions start later, as on a node that restarted.
    node.agents
        .start()
        .compose(started -> node.agents.user("alice"))
        .onComplete(
            ctx.succeeding(
                id -> {
                  alice = id;
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

  @Test
  void anAgentHangsUpAQueueCallThatWasTalkingBeforeTheCallActionsStarted(VertxTestContext ctx) {
    node.login(alice, ALICE_PHONE)
        .compose(
            ready -> {
              // The call was answered before the restart: the agent state (kept in Redis) knows.
              node.agents.publish(offered("1700000000.5", "sales", ALICE_PHONE));
              node.agents.publish(answered("1700000000.5", "sales", ALICE_PHONE));
              return node.deployCallActions();
            })
        .compose(started -> refused(node.command(alice, CallMessages.HANGUP, new JsonObject())))
        .compose(
            unknown -> {
              ctx.verify(() -> assertRefused(unknown, 409, "your phone PJSIP/1001 has no call"));
              // The bridge's resync: the caller listed first, the agent's phone answering.
              node.agents.publish(CallEvents.adopted("1700000000.5", "PJSIP/trunk-00000007", null));
              node.agents.publish(
                  CallEvents.adoptedAnswered("1700000000.5", "PJSIP/1001-00000008", null));
              return node.command(alice, CallMessages.HANGUP, new JsonObject());
            })
        .onComplete(
            ctx.succeeding(
                hungUp ->
                    ctx.verify(
                        () -> {
                          assertThat(hungUp.getJsonObject("data"))
                              .isEqualTo(
                                  new JsonObject()
                                      .put("serverId", "pbx1")
                                      .put("linkedId", "1700000000.5")
                                      .put("channel", "PJSIP/1001-00000008"));
                          assertThat(node.requests(AmiActionAddresses.HANGUP))
                              .containsExactly(
                                  new JsonObject()
                                      .put("server", "pbx1")
                                      .put("channel", "PJSIP/1001-00000008"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void anAgentPausesTheRecordingAndHangsUpADialledCallAdoptedWithItsPhoneFirst(
      VertxTestContext ctx) {
    JsonObject pause = new JsonObject().put("action", "pause");
    node.login(alice, ALICE_PHONE)
        .compose(ready -> node.deployCallActions())
        .compose(
            started -> {
              // A click-to-dial of the node before it restarted: the agent's phone is listed
              // first, the customer's channel answers.
              node.agents.publish(CallEvents.adopted("swb-o1", "PJSIP/1001-00000009", "o1"));
              node.agents.publish(
                  CallEvents.adoptedAnswered("swb-o1", "PJSIP/trunk-0000000a", "o1"));
              return node.command(alice, CallMessages.RECORDING, pause);
            })
        .compose(
            paused -> {
              ctx.verify(
                  () ->
                      assertThat(node.requests(AmiActionAddresses.MIXMONITOR_MUTE))
                          .extracting(request -> request.getString("channel"))
                          .containsExactly("PJSIP/1001-00000009"));
              return node.command(alice, CallMessages.HANGUP, new JsonObject());
            })
        .onComplete(
            ctx.succeeding(
                hungUp ->
                    ctx.verify(
                        () -> {
                          assertThat(node.requests(AmiActionAddresses.HANGUP))
                              .containsExactly(
                                  new JsonObject()
                                      .put("server", "pbx1")
                                      .put("channel", "PJSIP/1001-00000009"));
                          ctx.completeNow();
                        })));
  }
}
