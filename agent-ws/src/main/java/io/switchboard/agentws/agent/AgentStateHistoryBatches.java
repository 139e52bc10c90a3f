package io.switchboard.agentws.agent;

import io.switchboard.agentws.persistence.AgentStateHistoryRepository;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers agent state changes and writes them to the history in batches, one transaction per {@link
 * #flush} for every agent's changes in their order, one batch at a time (so one agent's rows stay
 * in order). At 100 calls a second each call makes four changes: one commit each saturated the
 * node's pool, one commit per tick does not. Confined to the {@link AgentStateVerticle}'s context.
 */
final class AgentStateHistoryBatches {

  /** How often the verticle flushes. */
  static final long FLUSH_INTERVAL_MS = 100;

  /** Changes waiting for the next batch; one more is logged as lost (the history is behind). */
  static final int MAX_WAITING = 50_000;

  private static final Logger LOG = LoggerFactory.getLogger(AgentStateHistoryBatches.class);

  private record Waiting(AgentState state, Promise<Void> stored) {}

  private final AgentStateHistoryRepository history;
  private List<Waiting> waiting = new ArrayList<>();
  private Future<Void> inFlight = Future.succeededFuture();

  AgentStateHistoryBatches(AgentStateHistoryRepository history) {
    this.history = history;
  }

  /**
   * Queues a change for the next batch. The future completes once its batch is over: stored, or
   * logged as lost (a lost row never fails the agent's move).
   */
  Future<Void> record(AgentState state) {
    if (waiting.size() >= MAX_WAITING) {
      LOG.error(
          "Agent state history row lost: {} ({} changes already wait to be written)",
          state.toJson(),
          MAX_WAITING);
      return Future.succeededFuture();
    }
    Promise<Void> stored = Promise.promise();
    waiting.add(new Waiting(state, stored));
    return stored.future();
  }

  /** Starts writing what waits, unless a batch is still being written (the next tick goes on). */
  void flush() {
    if (waiting.isEmpty() || !inFlight.isComplete()) {
      return;
    }
    List<Waiting> batch = waiting;
    waiting = new ArrayList<>();
    inFlight =
        history
            .recordAll(batch.stream().map(Waiting::state).toList())
            .recover(failed -> batch.size() == 1 ? Future.failedFuture(failed) : oneByOne(batch))
            .onComplete(
                done -> {
                  if (done.failed()) {
                    LOG.error(
                        "Agent state history row lost: {} ({})",
                        batch.get(0).state().toJson(),
                        done.cause().getMessage());
                  }
                  batch.forEach(each -> each.stored().tryComplete());
                });
  }

  /**
   * The batch failed as a whole (one row PostgreSQL refuses would take every agent's rows with it):
   * each row again in its own transaction, in order, so that only the bad ones are lost (logged).
   */
  private Future<Void> oneByOne(List<Waiting> batch) {
    Future<Void> chain = Future.succeededFuture();
    for (Waiting each : batch) {
      chain =
          chain.transform(
              previous ->
                  history
                      .recordAll(List.of(each.state()))
                      .recover(
                          lost -> {
                            LOG.error(
                                "Agent state history row lost: {} ({})",
                                each.state().toJson(),
                                lost.getMessage());
                            return Future.succeededFuture();
                          }));
    }
    return chain;
  }

  /** Writes everything still waiting, batch after batch; for the verticle's stop. */
  Future<Void> drain() {
    return inFlight.transform(
        previous -> {
          if (waiting.isEmpty()) {
            return Future.<Void>succeededFuture();
          }
          flush();
          return drain();
        });
  }
}
