package io.switchboard.agentws.wallboard;

import static io.switchboard.agentws.wallboard.WallboardEvents.answered;
import static io.switchboard.agentws.wallboard.WallboardEvents.created;
import static io.switchboard.agentws.wallboard.WallboardEvents.endedAnswered;
import static io.switchboard.agentws.wallboard.WallboardEvents.onCall;
import static io.switchboard.agentws.wallboard.WallboardEvents.queued;
import static io.switchboard.agentws.wallboard.WallboardEvents.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.agentws.agent.MutableClock;
import io.switchboard.agentws.persistence.CallLogRows;
import io.switchboard.agentws.persistence.TestUsers;
import io.switchboard.agentws.persistence.WallboardRepository;
import io.switchboard.agentws.testbus.Inbox;
import io.switchboard.core.call.PbxEvent;
import io.switchboard.core.call.QueueCallerChange;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wallboard over a real event bus and PostgreSQL: today's counters rebuilt from the call logs
 * at start and after a restart, pushes coalesced and sent to supervisors and admins only, and the
 * snapshot. The agent-state owner is a test consumer answering {@code agent.state.query}.
 */
@ExtendWith(VertxExtension.class)
class WallboardVerticleIT {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant YESTERDAY = Instant.parse("2026-11-22T15:00:00Z");
  private static final String PHONE = "PJSIP/1001";

  private Vertx vertx;
  private TestDatabase testDatabase;
  private PostgresDatabase database;
  private final MutableClock clock = new MutableClock(T0);
  private long alice;
  private String deployment;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    testDatabase = TestDatabase.create();
    database = PostgresDatabase.open(vertx, testDatabase.settings());
    Pool pool = database.pool();
    TestUsers.create(pool, "alice")
        .compose(
            id -> {
              alice = id;
              return Future.all(
                  List.of(
                      // Today: sales 2 answered (5 s and 30 s waits), 2 abandoned (one short).
                      CallLogRows.answered(
                          pool, "s1", "sales", T0.minusSeconds(3600), 5_000, 60_000, 10_000),
                      CallLogRows.answered(
                          pool, "s2", "sales", T0.minusSeconds(1800), 30_000, 100_000, 0),
                      CallLogRows.abandoned(pool, "s3", "sales", T0.minusSeconds(1200), 40_000),
                      CallLogRows.abandoned(pool, "s4", "sales", T0.minusSeconds(600), 5_000),
                      CallLogRows.answered(
                          pool, "p1", "support", T0.minusSeconds(300), 10_000, 50_000, 0),
                      CallLogRows.answered(pool, "x1", null, T0.minusSeconds(200), 0, 30_000, 0),
                      // Yesterday: not today's.
                      CallLogRows.answered(pool, "y1", "sales", YESTERDAY, 1_000, 10_000, 0),
                      CallLogRows.abandoned(pool, "y2", "sales", YESTERDAY, 60_000),
                      // Alice took two calls today and one yesterday.
                      CallLogRows.agentState(
                          pool, id, "on_call", T0.minusSeconds(3700), T0.minusSeconds(3600)),
                      CallLogRows.agentState(
                          pool, id, "on_call", T0.minusSeconds(1900), T0.minusSeconds(1800)),
                      CallLogRows.agentState(
                          pool, id, "on_call", YESTERDAY, YESTERDAY.plusSeconds(60))));
            })
        .compose(rows -> agentOwner())
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    database.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void drop() {
    testDatabase.close();
  }

  /** Answers {@code agent.state.query {}} as the AgentStateVerticle does: Alice, ready in sales. */
  private Future<Void> agentOwner() {
    MessageConsumer<JsonObject> owner =
        vertx
            .eventBus()
            .consumer(
                ConsoleBusAddresses.AGENT_STATE_QUERY,
                query ->
                    query.reply(
                        new JsonObject()
                            .put(
                                "agents",
                                new JsonArray()
                                    .add(
                                        WallboardEvents.agent(
                                                alice,
                                                AgentStatus.READY,
                                                PHONE,
                                                List.of("sales"),
                                                T0.minusSeconds(60))
                                            .toJson()))));
    return owner.completion();
  }

  private Future<Void> deploy() {
    WallboardVerticle wallboard =
        new WallboardVerticle(
            new WallboardRepository(database.pool()),
            clock,
            WallboardVerticle.DEFAULT_SERVICE_LEVEL_SECONDS,
            WallboardLimits.DEFAULTS);
    return vertx
        .deployVerticle(wallboard)
        .map(
            id -> {
              deployment = id;
              return null;
            });
  }

  private Future<JsonObject> snapshot() {
    return vertx
        .eventBus()
        .<JsonObject>request(ConsoleBusAddresses.WALLBOARD_SNAPSHOT, new JsonObject())
        .map(reply -> reply.body());
  }

  /** The snapshot once {@code ready} holds for it (the agents arrive just after the start). */
  private Future<JsonObject> snapshotWhen(java.util.function.Predicate<JsonObject> ready) {
    return snapshot()
        .compose(
            data ->
                ready.test(data)
                    ? Future.succeededFuture(data)
                    : later(50).compose(w -> snapshotWhen(ready)));
  }

  private Future<Void> later(long ms) {
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(ms, timer -> promise.complete());
    return promise.future();
  }

  private void publish(PbxEvent event) {
    vertx.eventBus().publish(event.address(), event.toJson());
  }

  private static JsonObject queue(JsonObject data, String name) {
    return data.getJsonArray("queues").stream()
        .map(JsonObject.class::cast)
        .filter(queue -> queue.getString("queue").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no queue " + name + " in " + data));
  }

  private static boolean hasAgents(JsonObject data) {
    return !data.getJsonArray("agents").isEmpty()
        && data.getJsonArray("agents").getJsonObject(0).getString("username") != null;
  }

  @Test
  void startsFromTodaysCallLogsAndAgentHistoryAndAnswersTheSnapshot(VertxTestContext ctx) {
    vertx.runOnContext(
        onContext -> startsFromTodaysCallLogsAndAgentHistoryAndAnswersTheSnapshot(ctx, null));
  }

  private void startsFromTodaysCallLogsAndAgentHistoryAndAnswersTheSnapshot(
      VertxTestContext ctx, Void onContext) {
    deploy()
        .compose(started -> snapshotWhen(WallboardVerticleIT::hasAgents))
        .onComplete(
            ctx.succeeding(
                data ->
                    ctx.verify(
                        () -> {
                          assertThat(data.fieldNames())
                              .containsExactly(
                                  "at",
                                  "serviceLevelSeconds",
                                  "queues",
                                  "agents",
                                  "calls",
                                  "callsTotal");
                          assertThat(data.getString("at")).isEqualTo(T0.toString());
                          JsonObject sales = queue(data, "sales");
                          assertThat(sales.fieldNames())
                              .containsExactly(
                                  "queue",
                                  "waiting",
                                  "longestWaitMs",
                                  "answeredToday",
                                  "abandonedToday",
                                  "serviceLevelPct",
                                  "asaMs",
                                  "ahtMs",
                                  "agentsReady",
                                  "agentsOnCall",
                                  "agentsPaused");
                          assertThat(sales.getLong("answeredToday")).isEqualTo(2);
                          assertThat(sales.getLong("abandonedToday")).isEqualTo(2);
                          // 1 answered within 20 s of 2 answered + 1 abandoned after 20 s.
                          assertThat(sales.getDouble("serviceLevelPct")).isEqualTo(33.3);
                          assertThat(sales.getLong("asaMs")).isEqualTo(17_500);
                          assertThat(sales.getLong("ahtMs")).isEqualTo(85_000);
                          assertThat(sales.getInteger("agentsReady")).isEqualTo(1);
                          assertThat(queue(data, "support").getLong("answeredToday")).isEqualTo(1);
                          assertThat(data.getJsonArray("queues")).hasSize(2);
                          JsonObject agent = data.getJsonArray("agents").getJsonObject(0);
                          assertThat(agent.getLong("userId")).isEqualTo(alice);
                          assertThat(agent.getString("username")).isEqualTo("alice");
                          assertThat(agent.getString("state")).isEqualTo("ready");
                          assertThat(agent.getLong("handledToday")).isEqualTo(2);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aRestartKeepsTodaysCountersFromTheCallLogsAndTheLiveCallsCountOnce(VertxTestContext ctx) {
    vertx.runOnContext(
        onContext -> aRestartKeepsTodaysCountersFromTheCallLogsAndTheLiveCallsCountOnce(ctx, null));
  }

  private void aRestartKeepsTodaysCountersFromTheCallLogsAndTheLiveCallsCountOnce(
      VertxTestContext ctx, Void onContext) {
    Instant answeredAt = T0.plusSeconds(20);
    Instant endedAt = T0.plusSeconds(80);
    deploy()
        .compose(
            started -> {
              clock.advance(Duration.ofSeconds(100));
              publish(queued("live", "sales", T0.plusSeconds(5)));
              publish(answered("live", "sales", PHONE, answeredAt, 15_000));
              publish(
                  endedAnswered("live", "sales", PHONE, answeredAt, endedAt, 15_000, 60_000, 0));
              return snapshotWhen(data -> queue(data, "sales").getLong("ahtMs") != 85_000);
            })
        .compose(
            live -> {
              ctx.verify(
                  () -> {
                    assertThat(queue(live, "sales").getLong("answeredToday")).isEqualTo(3);
                    assertThat(queue(live, "sales").getLong("ahtMs"))
                        .isEqualTo((70_000 + 100_000 + 60_000) / 3);
                  });
              return vertx.undeploy(deployment);
            })
        // The call log writer wrote the live call meanwhile; the node starts again.
        .compose(
            stopped ->
                CallLogRows.answered(database.pool(), "live", "sales", endedAt, 15_000, 60_000, 0))
        .compose(
            written -> {
              clock.advance(Duration.ofSeconds(60));
              return deploy();
            })
        .compose(restarted -> snapshot())
        .onComplete(
            ctx.succeeding(
                data ->
                    ctx.verify(
                        () -> {
                          JsonObject sales = queue(data, "sales");
                          assertThat(sales.getLong("answeredToday")).isEqualTo(3);
                          assertThat(sales.getLong("abandonedToday")).isEqualTo(2);
                          assertThat(sales.getLong("asaMs")).isEqualTo(50_000 / 3);
                          assertThat(sales.getLong("ahtMs")).isEqualTo(230_000 / 3);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aBurstOfEventsIsPushedAtMostOnceASecondToSupervisorsAndAdminsOnly(VertxTestContext ctx) {
    vertx.runOnContext(
        onContext -> aBurstOfEventsIsPushedAtMostOnceASecondToSupervisorsAndAdminsOnly(ctx, null));
  }

  private void aBurstOfEventsIsPushedAtMostOnceASecondToSupervisorsAndAdminsOnly(
      VertxTestContext ctx, Void onContext) {
    List<Inbox> inboxes = new ArrayList<>();
    Future.all(
            List.of(
                Inbox.open(vertx.eventBus(), "console.to.role.supervisor"),
                Inbox.open(vertx.eventBus(), "console.to.role.admin"),
                Inbox.open(vertx.eventBus(), "console.to.role.agent")))
        .compose(
            opened -> {
              opened.<Inbox>list().forEach(inboxes::add);
              return deploy();
            })
        // The start pushes, and again once the agents and their names arrive; then it is quiet.
        .compose(started -> waitForPush(inboxes.get(0), WallboardVerticleIT::hasAgents))
        .compose(named -> later(1_200))
        .compose(
            quiet -> {
              int before = pushes(inboxes.get(0)).size();
              vertx.runOnContext(
                  burst -> {
                    for (int call = 1; call <= 50; call++) {
                      publish(queued("b" + call, "sales", T0));
                      publish(waiting("sales", "u" + call, QueueCallerChange.JOINED, T0, 0));
                    }
                  });
              return waitForPush(inboxes.get(0), data -> data.getInteger("callsTotal") == 50)
                  .compose(last -> later(1_500))
                  .map(
                      settled -> {
                        ctx.verify(
                            () -> {
                              List<JsonObject> burst =
                                  pushes(inboxes.get(0))
                                      .subList(before, pushes(inboxes.get(0)).size());
                              // 100 events: the first may go out at once, the rest wait for the
                              // second; never one push per event.
                              assertThat(burst).hasSizeBetween(1, 2);
                              JsonObject last = burst.get(burst.size() - 1);
                              assertThat(last.getInteger("callsTotal")).isEqualTo(50);
                              assertThat(queue(last, "sales").getInteger("waiting")).isEqualTo(50);
                              assertThat(pushes(inboxes.get(1))).isEqualTo(pushes(inboxes.get(0)));
                              assertThat(inboxes.get(2).received()).isEmpty();
                            });
                        return pushes(inboxes.get(0)).size();
                      });
            })
        .compose(
            count -> {
              // A call that is not listed yet changes nothing shown: no push.
              publish(created("quiet", T0));
              return later(1_500).map(waited -> count);
            })
        .onComplete(
            ctx.succeeding(
                count ->
                    ctx.verify(
                        () -> {
                          assertThat(pushes(inboxes.get(0))).hasSize(count);
                          ctx.completeNow();
                        })));
  }

  @Test
  void agentStateChangesPublishedToSupervisorsMoveTheAgentsRow(VertxTestContext ctx) {
    vertx.runOnContext(
        onContext -> agentStateChangesPublishedToSupervisorsMoveTheAgentsRow(ctx, null));
  }

  private void agentStateChangesPublishedToSupervisorsMoveTheAgentsRow(
      VertxTestContext ctx, Void onContext) {
    deploy()
        .compose(started -> snapshotWhen(WallboardVerticleIT::hasAgents))
        .compose(
            ready -> {
              publish(queued("c1", "sales", T0));
              publish(answered("c1", "sales", PHONE, T0.plusSeconds(3), 3_000));
              vertx
                  .eventBus()
                  .publish(
                      "console.to.role.supervisor",
                      new JsonObject()
                          .put("type", ConsoleBusAddresses.AGENT_STATE_CHANGED)
                          .put(
                              "data",
                              onCall(alice, PHONE, List.of("sales"), T0.plusSeconds(3), "c1")
                                  .toJson()));
              return snapshotWhen(
                  data ->
                      data.getJsonArray("agents")
                          .getJsonObject(0)
                          .getString("state")
                          .equals("on_call"));
            })
        .onComplete(
            ctx.succeeding(
                data ->
                    ctx.verify(
                        () -> {
                          JsonObject agent = data.getJsonArray("agents").getJsonObject(0);
                          assertThat(agent.getLong("handledToday")).isEqualTo(3);
                          assertThat(agent.getString("linkedId")).isEqualTo("c1");
                          assertThat(agent.getString("callerNumber"))
                              .isEqualTo(WallboardEvents.caller("c1"));
                          JsonObject call = data.getJsonArray("calls").getJsonObject(0);
                          assertThat(call.getLong("agentUserId")).isEqualTo(alice);
                          assertThat(call.getString("state")).isEqualTo("talking");
                          assertThat(queue(data, "sales").getInteger("agentsOnCall")).isEqualTo(1);
                          ctx.completeNow();
                        })));
  }

  private static List<JsonObject> pushes(Inbox inbox) {
    return inbox.received().stream()
        .filter(message -> ConsoleBusAddresses.WALLBOARD_UPDATE.equals(message.getString("type")))
        .map(message -> message.getJsonObject("data"))
        .toList();
  }

  private Future<JsonObject> waitForPush(
      Inbox inbox, java.util.function.Predicate<JsonObject> wanted) {
    List<JsonObject> pushes = pushes(inbox);
    if (!pushes.isEmpty() && wanted.test(pushes.get(pushes.size() - 1))) {
      return Future.succeededFuture(pushes.get(pushes.size() - 1));
    }
    return later(50).compose(waited -> waitForPush(inbox, wanted));
  }
}
