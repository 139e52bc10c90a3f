package io.switchboard.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The PostgreSQL database and its connection pools. The address is empty in dev mode when no URL
 * was given; the bootstrap then starts an embedded server and fills it in.
 *
 * @param poolSize connections of the node's main pool (every read and write)
 * @param lookupPoolSize connections kept for the screen pop's customer lookups alone, so that a pop
 *     never waits behind writes (call logs, agent-state history) that hold the main pool's
 *     connections while their commits reach the disk
 */
public record PostgresSettings(
    Optional<PostgresAddress> address,
    int poolSize,
    int lookupPoolSize,
    int maxWaitQueue,
    Duration connectTimeout) {

  static PostgresSettings from(RawSettings raw) {
    String url = raw.text("postgres.url");
    Optional<PostgresAddress> address;
    try {
      address = url.isEmpty() ? Optional.empty() : Optional.of(PostgresAddress.parse(url));
    } catch (IllegalArgumentException bad) {
      throw raw.invalid("postgres.url", bad.getMessage());
    }
    return new PostgresSettings(
        address,
        raw.integer("postgres.pool-size", 1, 200),
        raw.integer("postgres.lookup-pool-size", 1, 50),
        raw.integer("postgres.max-wait-queue", 1, 100_000),
        raw.duration("postgres.connect-timeout", Duration.ofMillis(100), Duration.ofMinutes(5)));
  }

  /** These settings pointed at another database server. */
  public PostgresSettings withAddress(PostgresAddress newAddress) {
    return new PostgresSettings(
        Optional.of(newAddress), poolSize, lookupPoolSize, maxWaitQueue, connectTimeout);
  }
}
