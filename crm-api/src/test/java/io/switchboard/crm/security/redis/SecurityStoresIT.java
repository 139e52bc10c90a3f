package io.switchboard.crm.security.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyValue;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.security.BearerTokens;
import io.switchboard.crm.security.Principal;
import io.switchboard.crm.security.Role;
import io.switchboard.crm.security.Session;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Redis stores of the CRM security: tokens, failed-login counters and active calls. */
@ExtendWith(VertxExtension.class)
class SecurityStoresIT {

  private static final Principal AGENT = new Principal(42, "li.wang", Set.of(Role.AGENT));

  private TestRedis testRedis;
  private RedisDatabase redis;
  private Vertx vertx;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    testRedis = TestRedis.create();
    redis = RedisDatabase.open(vertx, testRedis.settings());
    await(connected(100));
  }

  @AfterEach
  void close() {
    try {
      await(redis.close());
    } finally {
      testRedis.close();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
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

  private List<KeyValue<String, String>> everything() {
    List<String> keys = await(redis.call(redis.commands().keys(testRedis.keyPrefix() + "*")));
    List<KeyValue<String, String>> values = new ArrayList<>();
    for (String key : keys) {
      String type = await(redis.call(redis.commands().type(key)));
      values.add(
          KeyValue.just(
              key,
              type.equals("string")
                  ? await(redis.call(redis.commands().get(key)))
                  : await(redis.call(redis.commands().zrange(key, 0, -1))).toString()));
    }
    return values;
  }

  @Test
  void aTokenIsStoredOnlyUnderItsHashAndFindsItsSession() {
    SessionStore sessions = new SessionStore(redis, Duration.ofHours(8));

    SessionStore.IssuedToken issued = await(sessions.issue(AGENT));
    Optional<Session> found = await(sessions.find(issued.token()));

    assertThat(found).isPresent();
    assertThat(found.get().principal()).isEqualTo(AGENT);
    assertThat(found.get().expiresAt())
        .isEqualTo(issued.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    List<KeyValue<String, String>> stored = everything();
    assertThat(stored)
        .extracting(KeyValue::getKey)
        .containsExactlyInAnyOrder(
            testRedis.keyPrefix() + "auth:token:" + BearerTokens.hash(issued.token()),
            testRedis.keyPrefix() + "auth:user-tokens:42");
    assertThat(stored.toString()).doesNotContain(issued.token());
    long ttl = await(redis.call(redis.commands().pttl(stored.get(0).getKey())));
    assertThat(ttl).isBetween(Duration.ofHours(7).toMillis(), Duration.ofHours(8).toMillis());
  }

  @Test
  void aTokenPastItsLifetimeIsNotFound() {
    SessionStore sessions = new SessionStore(redis, Duration.ofMillis(50));
    String token = await(sessions.issue(AGENT)).token();
    Promise<Void> later = Promise.promise();
    vertx.setTimer(300, tick -> later.complete());
    await(later.future());

    assertThat(await(sessions.find(token))).isEmpty();
  }

  @Test
  void revokingAllTokensOfAUserLeavesOtherUsersAlone() {
    SessionStore sessions = new SessionStore(redis, Duration.ofHours(8));
    String first = await(sessions.issue(AGENT)).token();
    String second = await(sessions.issue(AGENT)).token();
    String other =
        await(sessions.issue(new Principal(43, "zhang.wei", Set.of(Role.AGENT)))).token();

    assertThat(await(sessions.revokeAll(42))).isEqualTo(2L);

    assertThat(await(sessions.find(first))).isEmpty();
    assertThat(await(sessions.find(second))).isEmpty();
    assertThat(await(sessions.find(other))).isPresent();
  }

  @Test
  void aUserBeyondTheTokenLimitLosesTheOldestToken() {
    SessionStore sessions = new SessionStore(redis, Duration.ofHours(8));
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i <= SessionStore.MAX_TOKENS_PER_USER; i++) {
      tokens.add(await(sessions.issue(AGENT)).token());
    }

    assertThat(await(sessions.find(tokens.get(0)))).isEmpty();
    assertThat(await(sessions.find(tokens.get(1)))).isPresent();
    assertThat(await(sessions.find(tokens.get(tokens.size() - 1)))).isPresent();
    assertThat(
            await(
                redis.call(redis.commands().zcard(testRedis.keyPrefix() + "auth:user-tokens:42"))))
        .isEqualTo((long) SessionStore.MAX_TOKENS_PER_USER);
  }

  @Test
  void aForeignValueUnderATokenKeyIsNoSession() {
    SessionStore sessions = new SessionStore(redis, Duration.ofHours(8));
    String token = BearerTokens.generate();
    await(
        redis.call(
            redis
                .commands()
                .set(testRedis.keyPrefix() + "auth:token:" + BearerTokens.hash(token), "{")));

    assertThat(await(sessions.find(token))).isEmpty();
  }

  @Test
  void failuresCountPerUsernameInAnyCaseAndPerAddressWithinTheWindow() {
    LoginAttemptStore attempts = new LoginAttemptStore(redis, 2, 3, Duration.ofMinutes(15));

    await(attempts.recordFailure("Admin", "10.0.0.1"));
    assertThat(await(attempts.blockedFor("admin", "10.0.0.2"))).isZero();
    await(attempts.recordFailure("ADMIN", "10.0.0.1"));

    Duration wait = await(attempts.blockedFor("admin", "10.0.0.2"));
    assertThat(wait).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
    assertThat(await(attempts.blockedFor("other", "10.0.0.2"))).isZero();

    await(attempts.recordFailure("third", "10.0.0.1"));
    assertThat(await(attempts.blockedFor("other", "10.0.0.1"))).isPositive();

    await(attempts.clearUsername("admin"));
    assertThat(await(attempts.blockedFor("admin", "10.0.0.2"))).isZero();
  }

  @Test
  void anActiveCallIsSetReadAndClearedOnlyForItsCustomer() {
    ActiveCallStore calls = new ActiveCallStore(redis);

    await(calls.set(42, 7, Duration.ofMinutes(5)));
    assertThat(await(calls.get(42))).isEqualTo(OptionalLong.of(7));
    assertThat(await(calls.get(43))).isEmpty();
    assertThat(
            await(redis.call(redis.commands().get(testRedis.keyPrefix() + "crm:active-call:42"))))
        .isEqualTo("7");
    long ttl =
        await(redis.call(redis.commands().pttl(testRedis.keyPrefix() + "crm:active-call:42")));
    assertThat(ttl).isBetween(1L, Duration.ofMinutes(5).toMillis());

    assertThat(await(calls.clear(42, 8))).isFalse();
    assertThat(await(calls.get(42))).isEqualTo(OptionalLong.of(7));
    assertThat(await(calls.clear(42, 7))).isTrue();
    assertThat(await(calls.get(42))).isEmpty();

    await(calls.set(42, 9, Duration.ofMinutes(5)));
    await(calls.clear(42));
    assertThat(await(calls.get(42))).isEmpty();
  }
}
