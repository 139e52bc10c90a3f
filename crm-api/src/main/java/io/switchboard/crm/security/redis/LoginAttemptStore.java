package io.switchboard.crm.security.redis;

import io.lettuce.core.ScriptOutputType;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.security.BearerTokens;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Counts failed logins per username and per client address in Redis, each counter expiring one
 * window after its first failure: {@code auth:fail:user:<sha256 of the lowercased username>} and
 * {@code auth:fail:addr:<address>}. Usernames are hashed so that any text a client sends makes a
 * key of bounded length; unknown usernames are counted like known ones, so that the limit tells
 * nothing about which usernames exist. Thread-safe; replies arrive on the caller's context.
 */
public final class LoginAttemptStore {

  /** Longest client address kept in a key (an IPv6 address with a zone fits). */
  private static final int MAX_ADDRESS_LENGTH = 64;

  // KEYS: counter. ARGV: window ms. Sets the expiry with the first failure only.
  private static final String FAIL =
      """
      local count = redis.call('INCR', KEYS[1])
      if count == 1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
      end
      return count
      """;

  private final RedisDatabase redis;
  private final int maxPerUsername;
  private final int maxPerAddress;
  private final Duration window;

  public LoginAttemptStore(
      RedisDatabase redis, int maxPerUsername, int maxPerAddress, Duration window) {
    this.redis = redis;
    this.maxPerUsername = maxPerUsername;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
  }

  /**
   * How long {@code username} or {@code address} must wait before trying again: zero while both are
   * under their limit, else the time left in the window that is full.
   */
  public Future<Duration> blockedFor(String username, String address) {
    String userKey = userKey(username);
    String addressKey = addressKey(address);
    return RedisCalls.run(redis, commands -> commands.mget(userKey, addressKey))
        .compose(
            values -> {
              long userFailures = count(values.get(0).getValueOrElse(null));
              long addressFailures = count(values.get(1).getValueOrElse(null));
              if (userFailures >= maxPerUsername) {
                return timeLeft(userKey);
              }
              if (addressFailures >= maxPerAddress) {
                return timeLeft(addressKey);
              }
              return Future.succeededFuture(Duration.ZERO);
            });
  }

  /** Counts one failed login against both the username and the address. */
  public Future<Void> recordFailure(String username, String address) {
    String windowMs = Long.toString(window.toMillis());
    return Future.all(
            List.of(
                RedisCalls.run(
                    redis,
                    commands ->
                        commands.eval(
                            FAIL,
                            ScriptOutputType.INTEGER,
                            new String[] {userKey(username)},
                            windowMs)),
                RedisCalls.run(
                    redis,
                    commands ->
                        commands.eval(
                            FAIL,
                            ScriptOutputType.INTEGER,
                            new String[] {addressKey(address)},
                            windowMs))))
        .mapEmpty();
  }

  /**
   * Forgets the username's failures after a successful login. The address keeps its count: one good
   * password must not reopen an address that is guessing at other accounts.
   */
  public Future<Void> clearUsername(String username) {
    return RedisCalls.run(redis, commands -> commands.del(userKey(username))).mapEmpty();
  }

  private Future<Duration> timeLeft(String key) {
    return RedisCalls.run(redis, commands -> commands.pttl(key))
        .map(ms -> ms != null && ms > 0 ? Duration.ofMillis(ms) : window);
  }

  private static long count(String value) {
    return value == null ? 0 : Long.parseLong(value);
  }

  private String userKey(String username) {
    return redis.key("auth:fail:user:" + BearerTokens.hash(username.toLowerCase(Locale.ROOT)));
  }

  private String addressKey(String address) {
    String bounded =
        address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
    return redis.key("auth:fail:addr:" + bounded);
  }
}
