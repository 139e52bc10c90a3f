package io.switchboard.crm.security;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Hashes and checks passwords with argon2id (Spring Security Crypto over Bouncy Castle) on a
 * dedicated, bounded worker pool, never on an event loop: one hash takes tens of milliseconds of
 * CPU and 19 MiB of memory. At most {@link #MAX_PENDING} operations wait; beyond that callers get
 * 503 at once instead of a queue that grows with an attack. Thread-safe.
 */
public final class PasswordHasher {

  /** Operations running or waiting before new ones are refused. */
  public static final int MAX_PENDING = 64;

  // OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1; RFC 9106 salt and tag sizes.
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  static final int PARALLELISM = 1;
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;

  private final Argon2PasswordEncoder encoder =
      new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
  private final WorkerExecutor workers;
  private final AtomicInteger pending = new AtomicInteger();
  private final String decoy;

  private PasswordHasher(WorkerExecutor workers, String decoy) {
    this.workers = workers;
    this.decoy = decoy;
  }

  /**
   * A hasher with {@code threads} workers. It hashes one random password first: the decoy that
   * {@link #verify} checks when there is no stored hash, so that an unknown user costs as much time
   * as a wrong password.
   */
  public static Future<PasswordHasher> create(Vertx vertx, int threads) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("switchboard-password-hash", threads);
    Argon2PasswordEncoder encoder =
        new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    return workers
        .executeBlocking(() -> encoder.encode(BearerTokens.generate()), false)
        .map(decoy -> new PasswordHasher(workers, decoy));
  }

  /** The PHC string ({@code $argon2id$v=19$m=...}) of a new salted hash of {@code password}. */
  public Future<String> hash(String password) {
    return bounded(() -> encoder.encode(password));
  }

  /**
   * True when {@code password} matches {@code storedHash}. A null stored hash (no such user, no
   * password set) checks against the decoy and answers false, taking the same time.
   */
  public Future<Boolean> verify(String password, String storedHash) {
    if (storedHash == null) {
      return bounded(
          () -> {
            encoder.matches(password, decoy);
            return false;
          });
    }
    return bounded(() -> encoder.matches(password, storedHash));
  }

  /** True when a stored hash was made with weaker parameters than today's and should be redone. */
  public boolean needsRehash(String storedHash) {
    return encoder.upgradeEncoding(storedHash);
  }

  /** Stops the worker threads. */
  public Future<Void> close() {
    return workers.close();
  }

  private <T> Future<T> bounded(Callable<T> work) {
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      return Future.failedFuture(
          new SwitchboardException(
              ErrorCode.UNAVAILABLE, "too many password checks in progress; try again shortly"));
    }
    return workers.executeBlocking(work, false).andThen(done -> pending.decrementAndGet());
  }
}
