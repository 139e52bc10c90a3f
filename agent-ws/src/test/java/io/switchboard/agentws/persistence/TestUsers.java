package io.switchboard.agentws.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** Creates users rows for tests (agent_state_history refers to them). */
public final class TestUsers {

  private TestUsers() {}

  /** A new active user named {@code username}; its id. */
  public static Future<Long> create(Pool pool, String username) {
    return pool.preparedQuery(
            "INSERT INTO users (username, display_name) VALUES ($1, $1) RETURNING id")
        .execute(Tuple.of(username))
        .map(rows -> rows.iterator().next().getLong("id"));
  }
}
