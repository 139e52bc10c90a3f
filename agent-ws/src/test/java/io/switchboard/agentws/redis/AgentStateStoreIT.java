package io.switchboard.agentws.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.agentws.testbus.RedisReady;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AgentStateStoreIT {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private TestRedis testRedis;
  private RedisDatabase redis;

  @BeforeEach
  void open(Vertx vertx, VertxTestContext ctx) {
    testRedis = TestRedis.create();
    redis = RedisDatabase.open(vertx, testRedis.settings());
    RedisReady.connected(vertx, redis, 100).onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    redis.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void dropKeys() {
    testRedis.close();
  }

  @Test
  void theLatestStateOfEachAgentIsKeptAndReadBackWithItsCall(VertxTestContext ctx) {
    AgentStateStore store = new AgentStateStore(redis);
    AgentState aliceReady =
        new AgentState(
            7, AgentStatus.READY, null, "PJSIP/1001", List.of("sales"), T0, null, null, null);
    AgentState aliceWrapUp =
        new AgentState(
            7,
            AgentStatus.WRAP_UP,
            null,
            "PJSIP/1001",
            List.of("sales"),
            T0.plusSeconds(90),
            "1700000000.1",
            "sales",
            T0.plusSeconds(120));
    AgentState bob =
        new AgentState(
            8, AgentStatus.PAUSED, "lunch", "PJSIP/1002", List.of("vip"), T0, null, null, null);

    store
        .save(aliceReady)
        .compose(done -> store.save(bob))
        .compose(done -> store.save(aliceWrapUp))
        .compose(done -> new AgentStateStore(redis).loadAll())
        .onComplete(
            ctx.succeeding(
                states ->
                    ctx.verify(
                        () -> {
                          assertThat(states).containsExactlyInAnyOrder(aliceWrapUp, bob);
                          ctx.completeNow();
                        })));
  }
}
