package io.switchboard.agentws.persistence;

import io.switchboard.core.persistence.PostgresDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the wallboard needs from PostgreSQL: today's finished queue calls ({@code call_logs},
 * migrations V1 and V5) and agents' calls ({@code agent_state_history}) at start, so that a restart
 * does not zero the board, and usernames ({@code users}). Read-only and stateless; futures complete
 * on the caller's context.
 */
public final class WallboardRepository {

  // A call counts on the day it ended (the call log exists once it ended); its answer counts only
  // when it was answered that day too, as the live board counts an answer when it happens.
  private static final String QUEUE_TOTALS =
      "SELECT queue,"
          + " count(*) FILTER (WHERE outcome = 'answered' AND answered_at >= $1) AS answered,"
          + " count(*) FILTER (WHERE outcome = 'answered' AND answered_at >= $1"
          + "   AND wait_ms <= $3) AS answered_in_sl,"
          + " coalesce(sum(wait_ms) FILTER (WHERE outcome = 'answered' AND answered_at >= $1), 0)"
          + "   AS answered_wait_ms,"
          + " count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,"
          + " count(*) FILTER (WHERE outcome = 'abandoned' AND wait_ms > $3) AS abandoned_after_sl,"
          + " count(*) FILTER (WHERE outcome = 'answered') AS handled,"
          + " coalesce(sum(talk_ms + hold_ms) FILTER (WHERE outcome = 'answered'), 0) AS handle_ms"
          + " FROM call_logs"
          + " WHERE ended_at >= $1 AND ended_at < $2 AND queue IS NOT NULL"
          + " GROUP BY queue ORDER BY queue LIMIT $4";

  private static final String CALLS_BY_AGENT =
      "SELECT user_id, count(*) AS calls FROM agent_state_history"
          + " WHERE state = 'on_call' AND started_at >= $1 AND started_at < $2"
          + " GROUP BY user_id ORDER BY user_id LIMIT $3";

  private static final String USERNAMES = "SELECT id, username FROM users WHERE id = ANY($1)";

  private final Pool pool;

  public WallboardRepository(Pool pool) {
    this.pool = pool;
  }

  /** The repository over the node's pool (the pool's type stays in this package). */
  public static WallboardRepository over(PostgresDatabase database) {
    return new WallboardRepository(database.pool());
  }

  /**
   * Per queue, the calls that ended in {@code [from, until)}; at most {@code maxQueues} queues (by
   * name).
   *
   * @param serviceLevelMs answered within this wait is within the service level; abandoned after
   *     longer counts against it
   */
  public Future<List<QueueDayTotals>> queueTotals(
      Instant from, Instant until, long serviceLevelMs, int maxQueues) {
    return pool.preparedQuery(QUEUE_TOTALS)
        .execute(Tuple.of(time(from), time(until), serviceLevelMs, maxQueues))
        .map(
            rows -> {
              List<QueueDayTotals> totals = new ArrayList<>();
              for (Row row : rows) {
                totals.add(
                    new QueueDayTotals(
                        row.getString("queue"),
                        row.getLong("answered"),
                        row.getLong("answered_in_sl"),
                        row.getLong("answered_wait_ms"),
                        row.getLong("abandoned"),
                        row.getLong("abandoned_after_sl"),
                        row.getLong("handled"),
                        row.getLong("handle_ms")));
              }
              return totals;
            });
  }

  /**
   * Per agent (user id), how often it went on a call in {@code [from, until)}; at most {@code
   * maxAgents} agents.
   */
  public Future<Map<Long, Long>> callsByAgent(Instant from, Instant until, int maxAgents) {
    return pool.preparedQuery(CALLS_BY_AGENT)
        .execute(Tuple.of(time(from), time(until), maxAgents))
        .map(
            rows -> {
              Map<Long, Long> calls = new HashMap<>();
              for (Row row : rows) {
                calls.put(row.getLong("user_id"), row.getLong("calls"));
              }
              return calls;
            });
  }

  /** The usernames of those of {@code ids} that exist. */
  public Future<Map<Long, String>> usernames(Set<Long> ids) {
    return pool.preparedQuery(USERNAMES)
        .execute(Tuple.of(ids.toArray(new Long[0])))
        .map(
            rows -> {
              Map<Long, String> names = new HashMap<>();
              for (Row row : rows) {
                names.put(row.getLong("id"), row.getString("username"));
              }
              return names;
            });
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
