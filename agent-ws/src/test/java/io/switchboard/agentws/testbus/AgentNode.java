package io.switchboard.agentws.testbus;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.agent.AgentStateTracker;
import io.switchboard.agentws.agent.AgentStateVerticle;
import io.switchboard.agentws.agent.MutableClock;
import io.switchboard.agentws.persistence.AgentStateHistoryRepository;
import io.switchboard.agentws.persistence.TestUsers;
import io.switchboard.agentws.redis.AgentStateStore;
import io.switchboard.agentws.screenpop.ScreenPopPublisher;
import io.switchboard.core.call.PbxEvent;
import io.switchboard.core.config.WrapUpPolicy;
import io.switchboard.core.config.WrapUpRule;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An agent-state node for integration tests: real PostgreSQL and Redis, the AMI bridge's actions
 * answered by {@link FakeAmiActions}, the verticle on a clock the test moves.
 */
public final class AgentNode {

  public static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  /** 30 s wrap-up then ready; queue "vip": 60 s then paused. */
  public static final WrapUpPolicy POLICY =
      new WrapUpPolicy(
          new WrapUpRule(Duration.ofSeconds(30), true),
          Map.of("vip", new WrapUpRule(Duration.ofSeconds(60), false)));

  public final Vertx vertx;
  public final MutableClock clock = new MutableClock(T0);
  public final TestDatabase testDatabase = TestDatabase.create();
  public final TestRedis testRedis = TestRedis.create();
  public final PostgresDatabase database;
  public final RedisDatabase redis;
  public final AgentStateHistoryRepository history;
  public FakeAmiActions pbx;
  private String deployment;

  public AgentNode(Vertx vertx) {
    this.vertx = vertx;
    this.database = PostgresDatabase.open(vertx, testDatabase.settings());
    this.redis = RedisDatabase.open(vertx, testRedis.settings());
    this.history = new AgentStateHistoryRepository(database.pool());
  }

  /** Waits for Redis, answers AMI actions, deploys the verticle. */
  public Future<Void> start() {
    return RedisReady.connected(vertx, redis, 100)
        .compose(ready -> FakeAmiActions.start(vertx.eventBus()))
        .compose(
            fake -> {
              pbx = fake;
              return deploy();
            });
  }

  /** Deploys a new verticle with a new tracker (a node that starts). */
  public Future<Void> deploy() {
    return deploy(redis);
  }

  /** Deploys a new verticle with a new tracker keeping its states in {@code stateRedis}. */
  public Future<Void> deploy(RedisDatabase stateRedis) {
    AgentStateVerticle verticle =
        new AgentStateVerticle(
            new AgentStateTracker(clock, POLICY, AgentStateTracker.DEFAULT_MAX_AGENTS),
            history,
            new AgentStateStore(stateRedis),
            new ScreenPopPublisher(
                vertx.eventBus(),
                ScreenPopPublisher.DEFAULT_LOOKUP_TIMEOUT,
                ScreenPopPublisher.DEFAULT_MAX_QUEUED_CALLS));
    return vertx
        .deployVerticle(verticle)
        .map(
            id -> {
              deployment = id;
              return null;
            });
  }

  /** Stops the verticle (a node that stops). */
  public Future<Void> undeploy() {
    return vertx.undeploy(deployment);
  }

  public Future<Long> user(String name) {
    return TestUsers.create(database.pool(), name);
  }

  /** A console command as the session layer sends it; the reply's body. */
  public Future<JsonObject> command(long userId, String type, JsonObject data) {
    JsonObject request =
        new JsonObject()
            .put("userId", userId)
            .put("username", "user" + userId)
            .put("roles", new JsonArray().add("agent"))
            .put("type", type)
            .put("data", data);
    return vertx
        .eventBus()
        .<JsonObject>request(ConsoleBusAddresses.AGENT_COMMANDS, request)
        .map(Message::body);
  }

  /** Publishes an AMI bridge event. */
  public void publish(PbxEvent event) {
    vertx.eventBus().publish(event.address(), event.toJson());
  }

  /** Closes the pool and the Redis connection. */
  public Future<Void> close() {
    return database.close().eventually(() -> redis.close());
  }

  /** Drops the test database and keys; blocking, so from the test thread after {@link #close}. */
  public void drop() {
    testDatabase.close();
    testRedis.close();
  }
}
