package io.switchboard.core.persistence;

import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.PostgresSettings;
import io.switchboard.core.health.HealthCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/**
 * The node's PostgreSQL connection pool. Connections open lazily, so the node starts and reports
 * itself not ready while the database is away, and recovers when it returns. Repositories (in
 * {@code persistence} packages) take the pool from here; nothing else sees SQL-client types.
 */
public final class PostgresDatabase {

  /** Name of the pool in Vert.x pool metrics. */
  public static final String POOL_NAME = "postgres";

  /** The name of the screen pop's lookup pool in the pool metrics. */
  public static final String LOOKUP_POOL_NAME = "postgres-lookups";

  private final Pool pool;
  private final PostgresAddress address;

  private PostgresDatabase(Pool pool, PostgresAddress address) {
    this.pool = pool;
    this.address = address;
  }

  /** The node's main pool ({@value #POOL_NAME}, {@code postgres.pool-size} connections). */
  public static PostgresDatabase open(Vertx vertx, PostgresSettings settings) {
    return open(vertx, settings, POOL_NAME, settings.poolSize());
  }

  /**
   * The screen pop's own pool ({@value #LOOKUP_POOL_NAME}, {@code postgres.lookup-pool-size}
   * connections): a bulkhead, so that customer lookups never queue behind the writes of the main
   * pool.
   */
  public static PostgresDatabase openForLookups(Vertx vertx, PostgresSettings settings) {
    return open(vertx, settings, LOOKUP_POOL_NAME, settings.lookupPoolSize());
  }

  /** A pool for the configured database; the address must be resolved (dev mode fills it in). */
  private static PostgresDatabase open(
      Vertx vertx, PostgresSettings settings, String name, int size) {
    PostgresAddress address =
        settings
            .address()
            .orElseThrow(() -> new IllegalStateException("postgres.url was not resolved"));
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(address.host())
            .setPort(address.port())
            .setDatabase(address.database())
            .setUser(address.user())
            .setCachePreparedStatements(true);
    if (address.password() != null) {
      connect.setPassword(address.password());
    }
    NetClientOptions network =
        new NetClientOptions().setConnectTimeout((int) settings.connectTimeout().toMillis());
    PoolOptions poolOptions =
        new PoolOptions()
            .setName(name)
            .setMaxSize(size)
            .setMaxWaitQueueSize(settings.maxWaitQueue())
            .setConnectionTimeout((int) settings.connectTimeout().toMillis())
            .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    Pool pool =
        PgBuilder.pool().with(poolOptions).with(network).connectingTo(connect).using(vertx).build();
    return new PostgresDatabase(pool, address);
  }

  /** The pool, for repositories. */
  public Pool pool() {
    return pool;
  }

  /** Readiness: the database answers a trivial query. */
  public HealthCheck healthCheck() {
    return new HealthCheck() {
      @Override
      public String name() {
        return "postgres";
      }

      @Override
      public Future<Void> check() {
        return pool.query("SELECT 1").execute().mapEmpty();
      }
    };
  }

  /** Where this pool connects, with the password hidden. */
  public String describe() {
    return address.toString();
  }

  /** Closes every connection; in-flight queries finish or fail. */
  public Future<Void> close() {
    return pool.close();
  }
}
