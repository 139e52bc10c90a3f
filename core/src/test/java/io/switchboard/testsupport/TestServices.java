package io.switchboard.testsupport;

import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.RedisAddress;
import io.switchboard.core.config.SecretRedaction;
import io.switchboard.core.embedded.EmbeddedPostgresServer;
import io.switchboard.core.embedded.EmbeddedRedisServer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The PostgreSQL and Redis servers that integration tests use: the ones named by {@value
 * #POSTGRES_URL_VARIABLE} and {@value #REDIS_URL_VARIABLE} when set, otherwise embedded servers
 * started on first use, once per test JVM, and stopped when the JVM exits. Thread-safe; blocks
 * while a server starts.
 */
public final class TestServices {

  /** Names a PostgreSQL server whose database is the admin database: {@code postgresql://...}. */
  public static final String POSTGRES_URL_VARIABLE = "SWITCHBOARD_TEST_PG_URL";

  /** Names a Redis server: {@code redis://127.0.0.1:6379}. */
  public static final String REDIS_URL_VARIABLE = "SWITCHBOARD_TEST_REDIS_URL";

  private static final String POSTGRES_URL = System.getenv(POSTGRES_URL_VARIABLE);
  private static final String REDIS_URL = System.getenv(REDIS_URL_VARIABLE);

  private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();
  private static final Object POSTGRES_LOCK = new Object();
  private static final Object REDIS_LOCK = new Object();

  private static PostgresAddress postgresAdmin;
  private static RedisAddress redis;

  private TestServices() {}

  /** The admin database of the test PostgreSQL, as a user that may create databases. */
  public static PostgresAddress postgresAdmin() {
    announce();
    synchronized (POSTGRES_LOCK) {
      if (postgresAdmin == null) {
        if (isSet(POSTGRES_URL)) {
          postgresAdmin =
              fromEnvironment(POSTGRES_URL_VARIABLE, POSTGRES_URL, PostgresAddress::parse);
        } else {
          EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null);
          stopAtExit("embedded PostgreSQL", server);
          postgresAdmin = server.address("postgres");
        }
      }
      return postgresAdmin;
    }
  }

  /** The test Redis; tests keep apart by key prefix (see {@link TestRedis}). */
  public static RedisAddress redis() {
    announce();
    synchronized (REDIS_LOCK) {
      if (redis == null) {
        if (isSet(REDIS_URL)) {
          redis = fromEnvironment(REDIS_URL_VARIABLE, REDIS_URL, RedisAddress::parse);
        } else {
          EmbeddedRedisServer server = EmbeddedRedisServer.start(null);
          stopAtExit("embedded Redis", server);
          redis = server.address();
        }
      }
      return redis;
    }
  }

  /** True when at least one of the two servers is embedded (its variable is not set). */
  public static boolean usesEmbeddedServers() {
    return !isSet(POSTGRES_URL) || !isSet(REDIS_URL);
  }

  /** One line saying where the test PostgreSQL and Redis come from, for logs. */
  public static String describe() {
    return "Switchboard test services: PostgreSQL "
        + (isSet(POSTGRES_URL)
            ? "from " + POSTGRES_URL_VARIABLE + " (" + SecretRedaction.redact(POSTGRES_URL) + ")"
            : "embedded (" + POSTGRES_URL_VARIABLE + " not set)")
        + ", Redis "
        + (isSet(REDIS_URL)
            ? "from " + REDIS_URL_VARIABLE + " (" + SecretRedaction.redact(REDIS_URL) + ")"
            : "embedded (" + REDIS_URL_VARIABLE + " not set)");
  }

  private static void announce() {
    if (ANNOUNCED.compareAndSet(false, true)) {
      System.err.println(describe());
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static <T> T fromEnvironment(String variable, String url, Function<String, T> parser) {
    try {
      return parser.apply(url.trim());
    } catch (IllegalArgumentException bad) {
      throw new IllegalStateException(
          variable + " " + bad.getMessage() + " (got \"" + SecretRedaction.redact(url) + "\")",
          bad);
    }
  }

  private static void stopAtExit(String what, AutoCloseable server) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception failed) {
                    System.err.println("Could not stop " + what + ": " + failed);
                  }
                },
                "stop-" + what.replace(' ', '-')));
  }
}
