package io.switchboard.dialer.persistence;

import io.switchboard.core.persistence.PostgresDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The lease that keeps the campaign runner to one node: a PostgreSQL session-level advisory lock
 * ({@code pg_try_advisory_lock(}{@value #KEY}{@code )}) held on one connection taken from the pool
 * for as long as this node's runner leads. PostgreSQL drops the lock when that session ends, so a
 * node that dies or loses its connection gives the lease up with it; advisory locks are per
 * database, so runners of different databases never contend. Holds mutable state (the lease
 * connection): used from the runner's context only; nothing blocks.
 */
public final class RunnerLeaseRepository {

  /**
   * The advisory-lock key of the runner lease: the ASCII bytes of {@code "SWBDIALR"} as one 64-bit
   * number. Switchboard's only one-key advisory lock (the call wrap-up lock of V6 uses the separate
   * two-key space, so they never meet).
   */
  public static final long KEY = 0x5357_4244_4941_4C52L;

  private final Pool pool;
  private SqlConnection held;
  private Runnable onLost = () -> {};

  private RunnerLeaseRepository(Pool pool) {
    this.pool = pool;
  }

  /** A lease over the node's pool; one per runner (it holds that runner's lease connection). */
  public static RunnerLeaseRepository over(PostgresDatabase database) {
    return new RunnerLeaseRepository(database.pool());
  }

  /**
   * Tries to take the lease on a connection of its own: true when this node now holds it (or held
   * it already), false when another session holds it. {@code lost} runs once if the lease
   * connection closes or fails afterwards (the lease is then gone). Fails when PostgreSQL cannot be
   * reached.
   */
  public Future<Boolean> tryTake(Runnable lost) {
    if (held != null) {
      return Future.succeededFuture(true);
    }
    return pool.getConnection()
        .compose(
            connection ->
                connection
                    .preparedQuery("SELECT pg_try_advisory_lock($1)")
                    .execute(Tuple.of(KEY))
                    .transform(
                        taken -> {
                          if (taken.succeeded()
                              && Boolean.TRUE.equals(
                                  taken.result().iterator().next().getBoolean(0))) {
                            hold(connection, lost);
                            return Future.succeededFuture(true);
                          }
                          // Not ours: the connection goes back to the pool without the lock.
                          return connection
                              .close()
                              .transform(
                                  closed ->
                                      taken.failed()
                                          ? Future.failedFuture(taken.cause())
                                          : Future.succeededFuture(false));
                        }));
  }

  private void hold(SqlConnection connection, Runnable lost) {
    held = connection;
    onLost = lost;
    connection.closeHandler(closed -> lose(connection));
    connection.exceptionHandler(failure -> lose(connection));
  }

  /** Whether this node holds the lease (as far as it knows: see {@link #check}). */
  public boolean held() {
    return held != null;
  }

  /**
   * Asks PostgreSQL, on the lease connection, whether the lock is still this session's; a failure
   * or a lock no longer held loses the lease (its {@code lost} runs). Succeeds at once when no
   * lease is held.
   */
  public Future<Void> check() {
    SqlConnection connection = held;
    if (connection == null) {
      return Future.succeededFuture();
    }
    return connection
        .preparedQuery(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND objsubid = 1 AND pid = pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = $1")
        .execute(Tuple.of(KEY))
        .transform(
            checked -> {
              if (checked.failed() || checked.result().iterator().next().getLong(0) == 0) {
                lose(connection);
                return Future.failedFuture(
                    checked.failed()
                        ? checked.cause()
                        : new IllegalStateException("the runner lease lock is not held any more"));
              }
              return Future.succeededFuture();
            });
  }

  /** Gives the lease up: unlocks and closes the lease connection ({@code lost} does not run). */
  public Future<Void> release() {
    SqlConnection connection = held;
    if (connection == null) {
      return Future.succeededFuture();
    }
    held = null;
    onLost = () -> {};
    return unlockAndClose(connection);
  }

  /**
   * The connection goes back to the pool, so the lock is released first; a connection that failed
   * cannot unlock, and its closed session has dropped the lock already.
   */
  private static Future<Void> unlockAndClose(SqlConnection connection) {
    return connection
        .preparedQuery("SELECT pg_advisory_unlock($1)")
        .execute(Tuple.of(KEY))
        .transform(unlocked -> connection.close());
  }

  private void lose(SqlConnection connection) {
    if (held != connection) {
      return;
    }
    held = null;
    Runnable lost = onLost;
    onLost = () -> {};
    unlockAndClose(connection);
    lost.run();
  }
}
