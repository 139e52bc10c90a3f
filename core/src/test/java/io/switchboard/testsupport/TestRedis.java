package io.switchboard.testsupport;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.RedisAddress;
import io.switchboard.core.config.RedisSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.redis.RedisDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A key prefix of its own for one test on the {@link TestServices} Redis; {@link #close()} deletes
 * every key under it. Blocking: create and close it in set-up and tear-down, never on an event
 * loop.
 */
public final class TestRedis implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RedisAddress address;
  private final String keyPrefix;
  private boolean closed;

  private TestRedis(RedisAddress address, String keyPrefix) {
    this.address = address;
    this.keyPrefix = keyPrefix;
  }

  /** A new, unique key prefix such as {@code test-1f2e3d4c5b6a7988:}. */
  public static TestRedis create() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return new TestRedis(TestServices.redis(), "test-" + HexFormat.of().formatHex(bytes) + ":");
  }

  /** The prefix every key of this test starts with. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** Where the test Redis is. */
  public RedisAddress address() {
    return address;
  }

  /** The default Redis settings pointed at the test Redis, with this test's key prefix. */
  public RedisSettings settings() {
    return SwitchboardSettings.from(RawSettings.defaults())
        .redis()
        .withAddress(address)
        .withKeyPrefix(keyPrefix);
  }

  /** Deletes every key under this test's prefix. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RedisClient client =
        RedisClient.create(RedisDatabase.lettuceUri(address, Duration.ofSeconds(5)));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> commands = connection.sync();
      ScanArgs matching = ScanArgs.Builder.matches(keyPrefix + "*").limit(500);
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = commands.scan(cursor, matching);
        if (!page.getKeys().isEmpty()) {
          commands.del(page.getKeys().toArray(new String[0]));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return address + " " + keyPrefix + "*";
  }
}
