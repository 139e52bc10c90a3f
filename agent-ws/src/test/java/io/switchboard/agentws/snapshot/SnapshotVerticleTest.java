package io.switchboard.agentws.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.SnapshotRequest;
import io.switchboard.core.dialer.DialerAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The snapshot gathered over the event bus, the agent state, the screen pop and the wallboard
 * answered by test consumers standing in for their owners.
 */
@ExtendWith(VertxExtension.class)
class SnapshotVerticleTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final SnapshotRequest ANN = new SnapshotRequest(7, "ann", List.of("agent"));
  private static final SnapshotRequest BOB = new SnapshotRequest(8, "bob", List.of("supervisor"));

  private Vertx vertx;
  private final List<JsonObject> wallboardRequests = new ArrayList<>();

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    vertx
        .deployVerticle(new SnapshotVerticle(Clock.fixed(NOW, ZoneOffset.UTC)))
        .onComplete(ctx.succeedingThenComplete());
  }

  private Future<Void> agentStates() {
    return vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleBusAddresses.AGENT_STATE_QUERY,
            message ->
                message.reply(
                    new JsonObject()
                        .put(
                            "agent",
                            new JsonObject()
                                .put("userId", message.body().getLong("userId"))
                                .put("state", "on_call"))))
        .completion();
  }

  private Future<Void> screenPops(JsonObject open) {
    return vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleBusAddresses.SCREENPOP_QUERY,
            message -> message.reply(new JsonObject().put("screenPop", open)))
        .completion();
  }

  private Future<Void> wallboard() {
    return vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleBusAddresses.WALLBOARD_SNAPSHOT,
            message -> {
              wallboardRequests.add(message.body());
              message.reply(new JsonObject().put("queues", new JsonArray()));
            })
        .completion();
  }

  private Future<JsonObject> snapshot(SnapshotRequest request) {
    return vertx
        .eventBus()
        .<JsonObject>request(ConsoleAddresses.SNAPSHOT, request.toJson())
        .map(Message::body);
  }

  @Test
  void anAgentGetsTheirIdentityStateAndOpenPopButNoWallboard(VertxTestContext ctx) {
    JsonObject pop = new JsonObject().put("call", new JsonObject().put("linkedId", "L1"));
    Future.all(agentStates(), screenPops(pop), wallboard())
        .compose(ready -> snapshot(ANN))
        .onComplete(
            ctx.succeeding(
                snapshot ->
                    ctx.verify(
                        () -> {
                          assertThat(snapshot.getJsonObject("user"))
                              .isEqualTo(
                                  new JsonObject()
                                      .put("userId", 7L)
                                      .put("username", "ann")
                                      .put("roles", new JsonArray().add("agent")));
                          assertThat(snapshot.getJsonObject("agent").getLong("userId"))
                              .isEqualTo(7L);
                          assertThat(snapshot.getJsonObject("agent").getString("state"))
                              .isEqualTo("on_call");
                          assertThat(snapshot.getJsonObject("screenPop")).isEqualTo(pop);
                          assertThat(snapshot.containsKey("wallboard")).isTrue();
                          assertThat(snapshot.getValue("wallboard")).isNull();
                          assertThat(wallboardRequests).isEmpty();
                          assertThat(snapshot.getString("serverTime")).isEqualTo(NOW.toString());
                          assertThat(snapshot.containsKey("errors")).isFalse();
                          ctx.completeNow();
                        })));
  }

  @Test
  void aSupervisorGetsTheDialersCampaignFiguresAndNullWhileNoRunnerAnswers(VertxTestContext ctx) {
    JsonObject figures =
        new JsonObject()
            .put("at", NOW.toString())
            .put("campaigns", new JsonArray().add(new JsonObject().put("campaignId", 4)));
    Future.all(agentStates(), screenPops(null))
        .compose(ready -> snapshot(BOB))
        .compose(
            withoutRunner -> {
              ctx.verify(
                  () -> {
                    assertThat(withoutRunner.containsKey("dialer")).isTrue();
                    assertThat(withoutRunner.getValue("dialer")).isNull();
                    assertThat(withoutRunner.containsKey("errors")).isFalse();
                  });
              return vertx
                  .eventBus()
                  .<JsonObject>consumer(
                      DialerAddresses.FIGURES_QUERY, message -> message.reply(figures))
                  .completion()
                  .compose(ready -> snapshot(BOB))
                  .compose(
                      supervisor ->
                          snapshot(ANN).map(agent -> new JsonArray().add(supervisor).add(agent)));
            })
        .onComplete(
            ctx.succeeding(
                both ->
                    ctx.verify(
                        () -> {
                          assertThat(both.getJsonObject(0).getJsonObject("dialer"))
                              .isEqualTo(figures);
                          assertThat(both.getJsonObject(1).getValue("dialer"))
                              .as("agents get no campaign figures")
                              .isNull();
                          ctx.completeNow();
                        })));
  }

  @Test
  void aSupervisorGetsTheWallboardAndNullWhileNoWallboardIsDeployed(VertxTestContext ctx) {
    Future.all(agentStates(), screenPops(null))
        .compose(ready -> snapshot(BOB))
        .compose(
            withoutWallboard -> {
              ctx.verify(
                  () -> {
                    assertThat(withoutWallboard.getValue("wallboard")).isNull();
                    assertThat(withoutWallboard.getValue("screenPop")).isNull();
                    assertThat(withoutWallboard.containsKey("errors")).isFalse();
                  });
              return wallboard().compose(ready -> snapshot(BOB));
            })
        .onComplete(
            ctx.succeeding(
                withWallboard ->
                    ctx.verify(
                        () -> {
                          assertThat(
                                  withWallboard.getJsonObject("wallboard").getJsonArray("queues"))
                              .isEmpty();
                          assertThat(wallboardRequests).containsExactly(BOB.toJson());
                          ctx.completeNow();
                        })));
  }

  @Test
  void aFailingPartIsNullWithItsReasonAndTheRestIsStillAnswered(VertxTestContext ctx) {
    vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleBusAddresses.SCREENPOP_QUERY, message -> message.fail(500, "pop store broke"));
    vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleBusAddresses.WALLBOARD_SNAPSHOT, message -> message.fail(503, "no figures"));
    snapshot(BOB)
        .onComplete(
            ctx.succeeding(
                snapshot ->
                    ctx.verify(
                        () -> {
                          assertThat(snapshot.getValue("agent")).isNull();
                          assertThat(snapshot.getValue("screenPop")).isNull();
                          assertThat(snapshot.getValue("wallboard")).isNull();
                          assertThat(snapshot.getJsonObject("user").getString("username"))
                              .isEqualTo("bob");
                          JsonObject errors = snapshot.getJsonObject("errors");
                          assertThat(errors.getString("agent"))
                              .isEqualTo("no service answers agent.state.query");
                          assertThat(errors.getString("screenPop"))
                              .isEqualTo("screenpop.query failed: pop store broke");
                          assertThat(errors.getString("wallboard"))
                              .isEqualTo("wallboard.snapshot failed: no figures");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aRequestWithoutTheUserIsRefusedNamingTheField(VertxTestContext ctx) {
    vertx
        .eventBus()
        .request(ConsoleAddresses.SNAPSHOT, new JsonObject().put("userId", 7))
        .onComplete(
            ctx.failing(
                failure ->
                    ctx.verify(
                        () -> {
                          assertThat(((ReplyException) failure).failureCode()).isEqualTo(400);
                          assertThat(failure.getMessage()).contains("'username'");
                          ctx.completeNow();
                        })));
  }
}
