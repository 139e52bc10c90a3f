package io.switchboard.agentws.persistence;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.core.persistence.PostgresDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every agent state change to {@code agent_state_history} (migration V1): one transaction
 * closes the agent's open row and opens the next, so an agent never has two open rows (the table's
 * partial unique index would refuse it) nor a gap. Callers keep one agent's writes in order.
 * Futures complete on the caller's context.
 */
public final class AgentStateHistoryRepository {

  // A clock that went back (a restart on another node) must not make ended_at < started_at.
  private static final String CLOSE_OPEN =
      "UPDATE agent_state_history SET ended_at = GREATEST(started_at, $2)"
          + " WHERE user_id = $1 AND ended_at IS NULL";

  private static final String OPEN =
      "INSERT INTO agent_state_history (user_id, state, reason, queues, started_at)"
          + " VALUES ($1, $2, $3, $4, $5)";

  private static final String HISTORY =
      "SELECT user_id, state, reason, queues, started_at, ended_at FROM agent_state_history"
          + " WHERE user_id = $1 ORDER BY started_at, id";

  private final Pool pool;

  public AgentStateHistoryRepository(Pool pool) {
    this.pool = pool;
  }

  /** The repository over the node's pool (the pool's type stays in this package). */
  public static AgentStateHistoryRepository over(PostgresDatabase database) {
    return new AgentStateHistoryRepository(database.pool());
  }

  /** Ends the agent's open row at {@code state.since()} and opens a row for {@code state}. */
  public Future<Void> record(AgentState state) {
    return recordAll(List.of(state));
  }

  /**
   * Records {@code states} in their order in one transaction (one commit for many changes: under
   * load the commits, not the statements, are what the pool waits for). All or none are stored.
   */
  public Future<Void> recordAll(List<AgentState> states) {
    List<AgentState> batch = List.copyOf(states);
    return pool.withTransaction(
        connection -> {
          Future<Void> chain = Future.succeededFuture();
          for (AgentState state : batch) {
            chain = chain.compose(previous -> record(connection, state));
          }
          return chain;
        });
  }

  private static Future<Void> record(SqlConnection connection, AgentState state) {
    OffsetDateTime since = time(state.since());
    return connection
        .preparedQuery(CLOSE_OPEN)
        .execute(Tuple.of(state.userId(), since))
        .compose(
            closed ->
                connection
                    .preparedQuery(OPEN)
                    .execute(
                        Tuple.of(
                            state.userId(),
                            state.status().wire(),
                            state.reason(),
                            state.queues().toArray(new String[0]),
                            since)))
        .mapEmpty();
  }

  /** The agent's rows, oldest first. */
  public Future<List<AgentStateHistoryRow>> history(long userId) {
    return pool.preparedQuery(HISTORY)
        .execute(Tuple.of(userId))
        .map(
            rows -> {
              List<AgentStateHistoryRow> result = new ArrayList<>();
              for (Row row : rows) {
                result.add(toRow(row));
              }
              return result;
            });
  }

  private static AgentStateHistoryRow toRow(Row row) {
    OffsetDateTime ended = row.getOffsetDateTime("ended_at");
    return new AgentStateHistoryRow(
        row.getLong("user_id"),
        row.getString("state"),
        row.getString("reason"),
        List.of(row.getArrayOfStrings("queues")),
        row.getOffsetDateTime("started_at").toInstant(),
        ended == null ? null : ended.toInstant());
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
