package io.switchboard.core.health;

import io.vertx.core.Future;

/**
 * A dependency that readiness depends on (PostgreSQL, Redis, an AMI connection). Implemented inside
 * the package that owns the dependency's driver, so that no driver type leaks out.
 */
public interface HealthCheck {

  /** Short stable name used in the readiness JSON and as a metric tag: {@code postgres}. */
  String name();

  /**
   * Succeeds when the dependency answers now, fails with a message saying what is wrong otherwise.
   * Must not block; the caller applies a timeout.
   */
  Future<Void> check();
}
