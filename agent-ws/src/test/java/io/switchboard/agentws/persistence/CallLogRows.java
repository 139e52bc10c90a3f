package io.switchboard.agentws.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes {@code call_logs} and {@code agent_state_history} rows for tests, with the columns the
 * wallboard reads (the AMI bridge's call log and the agent-state owner write them in a node).
 */
public final class CallLogRows {

  private static final String CALL =
      "INSERT INTO call_logs (server_id, linked_id, direction, queue, started_at, queued_at,"
          + " answered_at, ended_at, wait_ms, talk_ms, hold_ms, outcome, agent_interface)"
          + " VALUES ('pbx1', $1, 'inbound', $2, $3, $3, $4, $5, $6, $7, $8, $9, $10)";

  private static final String STATE =
      "INSERT INTO agent_state_history (user_id, state, queues, started_at, ended_at)"
          + " VALUES ($1, $2, '{sales}', $3, $4)";

  private CallLogRows() {}

  /** An answered queue call: waited, then talked and held, ended at {@code endedAt}. */
  public static Future<Void> answered(
      Pool pool,
      String linkedId,
      String queue,
      Instant endedAt,
      long waitMs,
      long talkMs,
      long holdMs) {
    Instant answeredAt = endedAt.minusMillis(talkMs + holdMs);
    Instant startedAt = answeredAt.minusMillis(waitMs);
    return insert(
        pool,
        Tuple.of(
            linkedId,
            queue,
            time(startedAt),
            time(answeredAt),
            time(endedAt),
            waitMs,
            talkMs,
            holdMs,
            "answered",
            "PJSIP/1001"));
  }

  /** A caller who hung up after waiting {@code waitMs} in {@code queue}. */
  public static Future<Void> abandoned(
      Pool pool, String linkedId, String queue, Instant endedAt, long waitMs) {
    return insert(
        pool,
        Tuple.of(
            linkedId,
            queue,
            time(endedAt.minusMillis(waitMs)),
            null,
            time(endedAt),
            waitMs,
            0L,
            0L,
            "abandoned",
            null));
  }

  /** An agent's state from {@code startedAt} to {@code endedAt}. */
  public static Future<Void> agentState(
      Pool pool, long userId, String state, Instant startedAt, Instant endedAt) {
    return pool.preparedQuery(STATE)
        .execute(Tuple.of(userId, state, time(startedAt), time(endedAt)))
        .mapEmpty();
  }

  private static Future<Void> insert(Pool pool, Tuple row) {
    return pool.preparedQuery(CALL).execute(row).mapEmpty();
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
