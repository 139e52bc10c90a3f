package io.switchboard.agentws.wallboard;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.wallboard.WallboardCalculator.WaitingCaller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders the {@link WallboardCalculator}'s state as the wallboard data of the console contract:
 * {@code {at, serviceLevelSeconds, queues, agents, calls, callsTotal}}. One use, on the
 * calculator's owner's thread.
 */
final class WallboardView {

  private static final Comparator<LiveCall> LISTING =
      Comparator.<LiveCall>comparingInt(call -> call.state.ordinal())
          .thenComparing(call -> call.since)
          .thenComparing(call -> call.callId);

  private final WallboardCalculator board;
  private final Instant now;
  private final Function<Long, String> usernames;

  /** Per queue: how many wait, and since when the first of them. */
  private static final class Waiting {
    int count;
    Instant oldest;
  }

  /** Per queue: agents ready, busy with a call, paused. */
  private static final class Staffing {
    int ready;
    int onCall;
    int paused;
  }

  WallboardView(WallboardCalculator board, Instant now, Function<Long, String> usernames) {
    this.board = board;
    this.now = now;
    this.usernames = usernames;
  }

  JsonObject toJson() {
    List<LiveCall> listed = board.calls().stream().filter(LiveCall::listed).toList();
    return new JsonObject()
        .put("at", now.toString())
        .put("serviceLevelSeconds", board.serviceLevelSeconds())
        .put("queues", queues())
        .put("agents", agents())
        .put("calls", calls(listed))
        .put("callsTotal", listed.size());
  }

  private JsonArray queues() {
    Map<String, Waiting> waiting = new HashMap<>();
    for (WaitingCaller caller : board.waiting()) {
      Waiting queue = waiting.computeIfAbsent(caller.queue(), name -> new Waiting());
      queue.count++;
      if (queue.oldest == null || caller.joinedAt().isBefore(queue.oldest)) {
        queue.oldest = caller.joinedAt();
      }
    }
    Map<String, Staffing> staffing = new HashMap<>();
    for (AgentState agent : board.agents()) {
      for (String queue : agent.queues()) {
        Staffing staff = staffing.computeIfAbsent(queue, name -> new Staffing());
        switch (agent.status()) {
          case READY -> staff.ready++;
          case RINGING, ON_CALL, WRAP_UP -> staff.onCall++;
          case PAUSED -> staff.paused++;
          default -> {
            // logged-out agents are not kept
          }
        }
      }
    }
    JsonArray queues = new JsonArray();
    board
        .queues()
        .forEach(
            (name, counters) -> {
              Waiting wait = waiting.getOrDefault(name, new Waiting());
              Staffing staff = staffing.getOrDefault(name, new Staffing());
              JsonObject queue =
                  new JsonObject()
                      .put("queue", name)
                      .put("waiting", wait.count)
                      .put(
                          "longestWaitMs",
                          wait.oldest == null
                              ? 0
                              : Math.max(0, Duration.between(wait.oldest, now).toMillis()));
              counters.writeTo(queue);
              queues.add(
                  queue
                      .put("agentsReady", staff.ready)
                      .put("agentsOnCall", staff.onCall)
                      .put("agentsPaused", staff.paused));
            });
    return queues;
  }

  private JsonArray agents() {
    JsonArray agents = new JsonArray();
    board.agents().stream()
        .sorted(Comparator.comparingLong(AgentState::userId))
        .forEach(
            agent -> {
              LiveCall call = board.callOf(agent.linkedId());
              agents.add(
                  new JsonObject()
                      .put("userId", agent.userId())
                      .put("username", usernames.apply(agent.userId()))
                      .put("state", agent.status().wire())
                      .put("reason", agent.reason())
                      .put("since", agent.since().toString())
                      .put("interface", agent.agentInterface())
                      .put("queues", new JsonArray(agent.queues()))
                      .put("linkedId", agent.linkedId())
                      .put("callerNumber", call == null ? null : call.callerNumber)
                      .put("handledToday", board.callsToday(agent.userId())));
            });
    return agents;
  }

  private JsonArray calls(List<LiveCall> listed) {
    JsonArray calls = new JsonArray();
    listed.stream()
        .sorted(LISTING)
        .limit(board.maxListedCalls())
        .forEach(
            call ->
                calls.add(
                    new JsonObject()
                        .put("serverId", call.serverId)
                        .put("linkedId", call.linkedId)
                        .put("queue", call.queue)
                        .put("callerNumber", call.callerNumber)
                        .put("state", call.state.wire())
                        .put("since", call.since.toString())
                        .put("agentUserId", board.agentAt(call.agentInterface))
                        .put("agentInterface", call.agentInterface)));
    return calls;
  }
}
