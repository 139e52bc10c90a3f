package io.switchboard.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Redis server, the prefix of every key Switchboard writes, and the command timeout. The
 * address is empty in dev mode when no URL was given; the bootstrap then starts an embedded server.
 */
public record RedisSettings(
    Optional<RedisAddress> address, String keyPrefix, Duration commandTimeout) {

  private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  static RedisSettings from(RawSettings raw) {
    String url = raw.text("redis.url");
    Optional<RedisAddress> address;
    try {
      address = url.isEmpty() ? Optional.empty() : Optional.of(RedisAddress.parse(url));
    } catch (IllegalArgumentException bad) {
      throw raw.invalid("redis.url", bad.getMessage());
    }
    String keyPrefix = raw.required("redis.key-prefix");
    if (!KEY_PREFIX.matcher(keyPrefix).matches()) {
      throw raw.invalid(
          "redis.key-prefix", "must be 1 to 64 letters, digits or the characters _ . : -");
    }
    return new RedisSettings(
        address,
        keyPrefix,
        raw.duration("redis.command-timeout", Duration.ofMillis(50), Duration.ofMinutes(1)));
  }

  /** These settings pointed at another Redis server. */
  public RedisSettings withAddress(RedisAddress newAddress) {
    return new RedisSettings(Optional.of(newAddress), keyPrefix, commandTimeout);
  }

  /** These settings with another key prefix (tests give each test its own). */
  public RedisSettings withKeyPrefix(String newKeyPrefix) {
    return new RedisSettings(address, newKeyPrefix, commandTimeout);
  }
}
