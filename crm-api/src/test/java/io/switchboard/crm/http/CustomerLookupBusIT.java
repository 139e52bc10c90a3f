package io.switchboard.crm.http;

import static io.switchboard.crm.http.CrmTestServer.mobile;
import static io.switchboard.crm.http.CrmTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.persistence.CrmRepositories;
import io.switchboard.crm.security.PhoneMaskingPolicy;
import io.switchboard.crm.security.redis.ActiveCallStore;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The screen pop's event-bus addresses over real PostgreSQL and Redis, with the real masking policy
 * and active-call store; customers are made through the REST API.
 */
@ExtendWith(VertxExtension.class)
class CustomerLookupBusIT {

  private static final long AGENT_ID = 3;

  private Vertx vertx;
  private CrmTestServer server;
  private TestRedis testRedis;
  private RedisDatabase redis;
  private ActiveCallStore activeCalls;
  private CustomerLookupBus bus;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    testRedis = TestRedis.create();
    redis = RedisDatabase.open(vertx, testRedis.settings());
    activeCalls = new ActiveCallStore(redis);
    CrmTestServer.start(vertx)
        .compose(
            started -> {
              server = started;
              bus =
                  new CustomerLookupBus(
                      vertx,
                      CrmRepositories.over(server.postgres),
                      new PhoneNormalizer("CN"),
                      new PhoneMaskingPolicy(activeCalls),
                      activeCalls);
              return bus.register();
            })
        .compose(registered -> connected(100))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    bus.unregister()
        .compose(done -> server.stop())
        .compose(done -> redis.close())
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void drop() {
    testRedis.close();
  }

  private Future<Void> connected(int attempts) {
    return redis
        .healthCheck()
        .check()
        .recover(
            notYet -> {
              if (attempts <= 1) {
                return Future.failedFuture(notYet);
              }
              Promise<Void> retried = Promise.promise();
              vertx.setTimer(50, tick -> connected(attempts - 1).onComplete(retried));
              return retried.future();
            });
  }

  private Future<JsonObject> request(String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body).map(Message::body);
  }

  private Future<Long> customer(String name, String phone) {
    return CrmFixtures.create(server, CrmFixtures.customer(name, "t", null, null, false, phone))
        .map(reply -> reply.json().getLong("id"));
  }

  private static String firstPhone(JsonObject card) {
    return card.getJsonObject("customer").getJsonArray("phones").getJsonObject(0).getString("e164");
  }

  @Test
  void aSingleMatchBecomesTheAgentsActiveCallSoItsCardShowsTheNumberUntilReleased(
      VertxTestContext ctx) {
    String phone = mobile();
    String national = "0" + phone.replace("+86 ", "").replace(" ", "");
    String e164 = "+86" + phone.replace("+86 ", "").replace(" ", "");
    String name = unique("Caller");
    long[] id = new long[1];
    customer(name, phone)
        .compose(
            created -> {
              id[0] = created;
              return request(
                  CustomerLookupBus.LOOKUP,
                  new JsonObject().put("phone", national).put("userId", AGENT_ID));
            })
        .compose(
            lookup -> {
              ctx.verify(
                  () -> {
                    assertThat(lookup.getString("phone")).isEqualTo(e164);
                    JsonArray matches = lookup.getJsonArray("matches");
                    assertThat(matches).hasSize(1);
                    assertThat(matches.getJsonObject(0).getLong("customerId")).isEqualTo(id[0]);
                    assertThat(matches.getJsonObject(0).getString("name")).isEqualTo(name);
                  });
              return activeCalls.get(AGENT_ID);
            })
        .compose(
            active -> {
              ctx.verify(() -> assertThat(active).isEqualTo(OptionalLong.of(id[0])));
              return request(
                  CustomerLookupBus.CARD,
                  new JsonObject().put("customerId", id[0]).put("userId", AGENT_ID));
            })
        .compose(
            card -> {
              ctx.verify(
                  () -> {
                    assertThat(card.getJsonObject("customer").getString("name")).isEqualTo(name);
                    assertThat(card.containsKey("openTickets")).isTrue();
                    assertThat(firstPhone(card)).isEqualTo(e164);
                  });
              return request(
                  CustomerLookupBus.RELEASE,
                  new JsonObject().put("customerId", id[0]).put("userId", AGENT_ID));
            })
        .compose(
            released -> {
              ctx.verify(() -> assertThat(released.getBoolean("released")).isTrue());
              return request(
                  CustomerLookupBus.CARD,
                  new JsonObject().put("customerId", id[0]).put("userId", AGENT_ID));
            })
        .onComplete(
            ctx.succeeding(
                card ->
                    ctx.verify(
                        () -> {
                          assertThat(firstPhone(card)).isNotEqualTo(e164).contains("*");
                          ctx.completeNow();
                        })));
  }

  @Test
  void severalMatchesSetNoActiveCallAndTheirCardsStayMaskedUntilTheAgentPicksOne(
      VertxTestContext ctx) {
    String phone = mobile();
    String e164 = "+86" + phone.replace("+86 ", "").replace(" ", "");
    long[] first = new long[1];
    customer(unique("Han"), phone)
        .compose(
            a -> {
              first[0] = a;
              return customer(unique("Han Ltd"), phone);
            })
        .compose(
            b ->
                request(
                    CustomerLookupBus.LOOKUP,
                    new JsonObject().put("phone", phone).put("userId", AGENT_ID)))
        .compose(
            lookup -> {
              ctx.verify(() -> assertThat(lookup.getJsonArray("matches")).hasSize(2));
              return activeCalls.get(AGENT_ID);
            })
        .compose(
            active -> {
              ctx.verify(() -> assertThat(active).isEmpty());
              return request(
                  CustomerLookupBus.CARD,
                  new JsonObject().put("customerId", first[0]).put("userId", AGENT_ID));
            })
        .compose(
            masked -> {
              ctx.verify(() -> assertThat(firstPhone(masked)).isNotEqualTo(e164));
              return request(
                  CustomerLookupBus.CARD,
                  new JsonObject()
                      .put("customerId", first[0])
                      .put("userId", AGENT_ID)
                      .put("activeCall", true));
            })
        .onComplete(
            ctx.succeeding(
                picked ->
                    ctx.verify(
                        () -> {
                          assertThat(firstPhone(picked)).isEqualTo(e164);
                          ctx.completeNow();
                        })));
  }

  @Test
  void badRequestsFailWithWhatIsWrongAndAnUnreadableNumberFindsNobody(VertxTestContext ctx) {
    request(CustomerLookupBus.LOOKUP, new JsonObject().put("phone", "13800138000"))
        .recover(
            noUser -> {
              ctx.verify(
                  () -> {
                    assertThat(((ReplyException) noUser).failureCode()).isEqualTo(400);
                    assertThat(noUser).hasMessageContaining("'userId'");
                  });
              return request(
                  CustomerLookupBus.CARD,
                  new JsonObject().put("customerId", 999_999).put("userId", AGENT_ID));
            })
        .recover(
            missing -> {
              ctx.verify(() -> assertThat(((ReplyException) missing).failureCode()).isEqualTo(404));
              return request(
                  CustomerLookupBus.LOOKUP,
                  new JsonObject().put("phone", "anonymous").put("userId", AGENT_ID));
            })
        .onComplete(
            ctx.succeeding(
                nobody ->
                    ctx.verify(
                        () -> {
                          assertThat(nobody.getValue("phone")).isNull();
                          assertThat(nobody.getJsonArray("matches")).isEmpty();
                          assertThat(nobody.getString("problem")).isNotBlank();
                          ctx.completeNow();
                        })));
  }
}
