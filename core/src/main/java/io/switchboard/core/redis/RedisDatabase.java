package io.switchboard.core.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.switchboard.core.config.RedisAddress;
import io.switchboard.core.config.RedisSettings;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.health.HealthCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Redis connection, through Lettuce. It connects in the background and keeps trying
 * (Lettuce reconnects a lost connection by itself), so the node starts and reports itself not ready
 * while Redis is away. Stores (in {@code redis} packages) use {@link #commands()}; every key they
 * write goes through {@link #key(String)} to carry the configured prefix. Thread-safe.
 */
public final class RedisDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(RedisDatabase.class);
  private static final long MAX_RETRY_DELAY_MS = 5_000;

  /**
   * Commands that may wait for Redis before new ones are refused (Lettuce's default is unbounded).
   */
  static final int MAX_QUEUED_COMMANDS = 10_000;

  private final Vertx vertx;
  private final RedisSettings settings;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile String lastFailure = "not connected yet";
  private volatile boolean closed;

  private RedisDatabase(Vertx vertx, RedisSettings settings, RedisAddress address) {
    this.vertx = vertx;
    this.settings = settings;
    this.resources =
        DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
    this.uri = lettuceUri(address, settings.commandTimeout());
    this.client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .requestQueueSize(MAX_QUEUED_COMMANDS)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
            .build());
  }

  /** Starts connecting to the configured Redis; the address must be resolved. */
  public static RedisDatabase open(Vertx vertx, RedisSettings settings) {
    RedisAddress address =
        settings
            .address()
            .orElseThrow(() -> new IllegalStateException("redis.url was not resolved"));
    RedisDatabase database = new RedisDatabase(vertx, settings, address);
    database.connect(250);
    return database;
  }

  private void connect(long retryDelayMs) {
    if (closed) {
      return;
    }
    client
        .connectAsync(StringCodec.UTF8, uri)
        .whenComplete(
            (opened, error) -> {
              if (error == null) {
                if (closed) {
                  opened.closeAsync();
                } else {
                  connection = opened;
                  LOG.info("Connected to Redis at {}", describe());
                }
              } else {
                lastFailure = error.getMessage();
                LOG.warn("Redis at {} is unreachable ({}); retrying", describe(), lastFailure);
                long next = Math.min(retryDelayMs * 2, MAX_RETRY_DELAY_MS);
                if (!closed) {
                  vertx.setTimer(retryDelayMs, timer -> connect(next));
                }
              }
            });
  }

  /** Lettuce's asynchronous commands; fails if Redis has not been reached yet. */
  public RedisAsyncCommands<String, String> commands() {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null) {
      throw new SwitchboardException(ErrorCode.UNAVAILABLE, "Redis is unreachable: " + lastFailure);
    }
    return current.async();
  }

  /** A Redis reply brought back onto the calling Vert.x context. */
  public <T> Future<T> call(java.util.concurrent.CompletionStage<T> reply) {
    return LettuceFutures.onContext(reply, vertx.getOrCreateContext());
  }

  /** The full key for a Switchboard key name: the configured prefix, then the name. */
  public String key(String name) {
    return settings.keyPrefix() + name;
  }

  /** Readiness: Redis answers PING. */
  public HealthCheck healthCheck() {
    return new HealthCheck() {
      @Override
      public String name() {
        return "redis";
      }

      @Override
      public Future<Void> check() {
        try {
          return call(commands().ping()).mapEmpty();
        } catch (SwitchboardException unreachable) {
          return Future.failedFuture(unreachable);
        }
      }
    };
  }

  /** Where this connection goes, with the password hidden. */
  public String describe() {
    return settings.address().map(RedisAddress::toString).orElse("?");
  }

  /** Closes the connection and Lettuce's threads. */
  public Future<Void> close() {
    closed = true;
    return vertx.executeBlocking(
        () -> {
          client.shutdown(0, 2, TimeUnit.SECONDS);
          resources.shutdown(0, 2, TimeUnit.SECONDS).await(3, TimeUnit.SECONDS);
          return null;
        },
        false);
  }

  /**
   * Lettuce's form of an address, with credentials and a command timeout. Public for the test
   * support's short-lived clean-up connections; everything else goes through {@link #open}.
   */
  public static RedisURI lettuceUri(RedisAddress address, Duration commandTimeout) {
    RedisURI.Builder builder =
        RedisURI.builder()
            .withHost(address.host())
            .withPort(address.port())
            .withDatabase(address.database())
            .withSsl(address.tls())
            .withTimeout(commandTimeout);
    if (address.password() != null) {
      if (address.user() != null) {
        builder.withAuthentication(address.user(), address.password());
      } else {
        builder.withPassword(address.password().toCharArray());
      }
    }
    return builder.build();
  }
}
