package io.switchboard.core.config;

/** How Switchboard finds its PostgreSQL and Redis. */
public enum Mode {
  /** Starts embedded PostgreSQL and Redis for whichever has no URL configured. */
  DEV,
  /** Requires both URLs: nothing is started on the operator's behalf. */
  PRODUCTION
}
