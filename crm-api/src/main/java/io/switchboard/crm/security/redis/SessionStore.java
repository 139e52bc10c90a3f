package io.switchboard.crm.security.redis;

import io.lettuce.core.ScriptOutputType;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.security.BearerTokens;
import io.switchboard.crm.security.Principal;
import io.switchboard.crm.security.Role;
import io.switchboard.crm.security.Session;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login tokens in Redis. A token is stored only as its SHA-256: {@code auth:token:<sha256>} holds
 * the session as JSON and expires with it (a fixed lifetime from login, never extended by use);
 * {@code auth:user-tokens:<user id>} is a sorted set of the user's token hashes scored by expiry,
 * so that every token of a user can be revoked at once. Logins and revocations are Lua scripts,
 * atomic against each other. Thread-safe; replies arrive on the caller's context.
 */
public final class SessionStore {

  /** Live tokens one user may hold; a login beyond it revokes the user's oldest token. */
  public static final int MAX_TOKENS_PER_USER = 20;

  private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);

  // KEYS: token key, user set. ARGV: session JSON, ttl ms, now ms, expires-at ms, token hash,
  // max tokens, token key prefix. Drops expired hashes, then the oldest beyond the limit. Two
  // logins in the same millisecond get scores a thousandth apart, so "oldest" is the first issued.
  private static final String ISSUE =
      """
      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
      local score = tonumber(ARGV[4])
      local newest = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
      if newest[2] and tonumber(newest[2]) >= score then
        score = tonumber(newest[2]) + 0.001
      end
      redis.call('ZADD', KEYS[2], score, ARGV[5])
      local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[6])
      if excess > 0 then
        for _, hash in ipairs(redis.call('ZRANGE', KEYS[2], 0, excess - 1)) do
          redis.call('DEL', ARGV[7] .. hash)
        end
        redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
      end
      local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
      redis.call('PEXPIREAT', KEYS[2], math.ceil(tonumber(last[2])))
      return excess
      """;

  // KEYS: user set. ARGV: token key prefix. Returns how many tokens were revoked.
  private static final String REVOKE_ALL =
      """
      local hashes = redis.call('ZRANGE', KEYS[1], 0, -1)
      for _, hash in ipairs(hashes) do
        redis.call('DEL', ARGV[1] .. hash)
      end
      redis.call('DEL', KEYS[1])
      return #hashes
      """;

  private final RedisDatabase redis;
  private final Duration ttl;

  /**
   * @param ttl how long a token lives from its login
   */
  public SessionStore(RedisDatabase redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  /** Stores a new session for {@code principal} and answers its token, shown to nobody else. */
  public Future<IssuedToken> issue(Principal principal) {
    String token = BearerTokens.generate();
    String hash = BearerTokens.hash(token);
    Instant now = Instant.now();
    Instant expires = now.plus(ttl);
    String json = toJson(new Session(principal, now, expires)).encode();
    String[] keys = {tokenKey(hash), userKey(principal.userId())};
    return RedisCalls.<Long>run(
            redis,
            commands ->
                commands.eval(
                    ISSUE,
                    ScriptOutputType.INTEGER,
                    keys,
                    json,
                    Long.toString(ttl.toMillis()),
                    Long.toString(now.toEpochMilli()),
                    Long.toString(expires.toEpochMilli()),
                    hash,
                    Integer.toString(MAX_TOKENS_PER_USER),
                    tokenKey("")))
        .map(revoked -> new IssuedToken(token, expires));
  }

  /** The session of a token, or empty when the token is unknown, expired or revoked. */
  public Future<Optional<Session>> find(String token) {
    if (!BearerTokens.wellFormed(token)) {
      return Future.succeededFuture(Optional.empty());
    }
    String hash = BearerTokens.hash(token);
    return RedisCalls.run(redis, commands -> commands.get(tokenKey(hash)))
        .map(json -> json == null ? Optional.empty() : parse(hash, json));
  }

  /** Revokes one token of {@code userId} (logout); true when it was live. */
  public Future<Boolean> revoke(long userId, String token) {
    String hash = BearerTokens.hash(token);
    return RedisCalls.run(redis, commands -> commands.del(tokenKey(hash)))
        .compose(
            deleted ->
                RedisCalls.run(redis, commands -> commands.zrem(userKey(userId), hash))
                    .map(ignored -> deleted > 0));
  }

  /** Revokes every token of a user (deactivation, role change, password reset). */
  public Future<Long> revokeAll(long userId) {
    String[] keys = {userKey(userId)};
    return RedisCalls.run(
        redis, commands -> commands.eval(REVOKE_ALL, ScriptOutputType.INTEGER, keys, tokenKey("")));
  }

  private String tokenKey(String hash) {
    return redis.key("auth:token:" + hash);
  }

  private String userKey(long userId) {
    return redis.key("auth:user-tokens:" + userId);
  }

  private static JsonObject toJson(Session session) {
    JsonArray roles = new JsonArray();
    session.principal().roles().stream().map(Role::dbName).sorted().forEach(roles::add);
    return new JsonObject()
        .put("userId", session.principal().userId())
        .put("username", session.principal().username())
        .put("roles", roles)
        .put("issuedAt", session.issuedAt().toEpochMilli())
        .put("expiresAt", session.expiresAt().toEpochMilli());
  }

  private static Optional<Session> parse(String hash, String json) {
    try {
      JsonObject object = new JsonObject(json);
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (Object role : object.getJsonArray("roles")) {
        roles.add(Role.fromDbName((String) role));
      }
      Principal principal =
          new Principal(object.getLong("userId"), object.getString("username"), roles);
      return Optional.of(
          new Session(
              principal,
              Instant.ofEpochMilli(object.getLong("issuedAt")),
              Instant.ofEpochMilli(object.getLong("expiresAt"))));
    } catch (DecodeException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException bad) {
      // A session this code did not write: refuse it rather than guess (the user logs in again).
      LOG.warn(
          "Ignoring unreadable session under token hash {}: {}",
          hash.substring(0, 8),
          bad.toString());
      return Optional.empty();
    }
  }

  /** A token as handed to the client once, with its expiry. */
  public record IssuedToken(String token, Instant expiresAt) {}
}
