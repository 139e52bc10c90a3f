package io.switchboard.agentws.agent;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.persistence.AgentStateHistoryRepository;
import io.switchboard.agentws.redis.AgentStateStore;
import io.switchboard.agentws.screenpop.ScreenPopPublisher;
import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.call.QueueMemberChanged;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of every agent's state: takes agent commands from the console ({@code
 * console.command.agent}), asks the PBX first and keeps the move only when it agreed; follows call
 * and queue-member events; stores each change in PostgreSQL (history) and Redis (current), pushes
 * it to the agent and the supervisors, and drives the screen pop. Everything runs on this
 * verticle's context.
 */
public final class AgentStateVerticle extends VerticleBase {

  /** Most queues one login may name. */
  public static final int MAX_QUEUES_PER_LOGIN = 50;

  /** How often ended wrap-ups are looked for. */
  public static final long WRAP_UP_CHECK_MS = 500;

  /**
   * Attempts to read the agents' states from Redis at start, {@link #RESTORE_RETRY_MS} apart (Redis
   * connects in the background and may not have answered yet); then the verticle starts with no
   * agent logged in rather than keep the node from starting.
   */
  public static final int RESTORE_ATTEMPTS = 20;

  public static final long RESTORE_RETRY_MS = 250;

  private static final Logger LOG = LoggerFactory.getLogger(AgentStateVerticle.class);

  private final AgentStateTracker tracker;
  private final AgentStateHistoryBatches history;
  private final AgentStateStore store;
  private final ScreenPopPublisher screenPop;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private QueueMemberActions pbx;
  private long timer = -1;
  private long historyTimer = -1;

  public AgentStateVerticle(
      AgentStateTracker tracker,
      AgentStateHistoryRepository history,
      AgentStateStore store,
      ScreenPopPublisher screenPop) {
    this.tracker = tracker;
    this.history = new AgentStateHistoryBatches(history);
    this.store = store;
    this.screenPop = screenPop;
  }

  @Override
  public Future<?> start() {
    pbx = new QueueMemberActions(vertx.eventBus());
    return restore(RESTORE_ATTEMPTS)
        .compose(
            states -> {
              tracker.restore(states);
              LOG.info("Restored {} logged-in agents from Redis", tracker.loggedIn().size());
              consumers.add(
                  vertx.eventBus().consumer(ConsoleBusAddresses.AGENT_COMMANDS, this::command));
              consumers.add(
                  vertx.eventBus().consumer(ConsoleBusAddresses.AGENT_STATE_QUERY, this::query));
              consumers.add(vertx.eventBus().consumer(ConsoleBusAddresses.AGENT_DIAL, this::dial));
              consumers.add(
                  vertx.eventBus().consumer(ConsoleBusAddresses.SCREENPOP_QUERY, screenPop::query));
              listen(CallAddresses.CALL_QUEUED, CallQueued::fromJson, screenPop::callQueued);
              listen(CallAddresses.CALL_OFFERED, CallOffered::fromJson, this::offered);
              listen(CallAddresses.CALL_ANSWERED, CallAnswered::fromJson, this::answered);
              listen(CallAddresses.CALL_ENDED, CallEnded::fromJson, this::ended);
              listen(
                  CallAddresses.QUEUE_MEMBER_CHANGED,
                  QueueMemberChanged::fromJson,
                  member -> changed(tracker.memberChanged(member), false));
              timer =
                  vertx.setPeriodic(
                      WRAP_UP_CHECK_MS, tick -> changed(tracker.expireWrapUps(), true));
              historyTimer =
                  vertx.setPeriodic(
                      AgentStateHistoryBatches.FLUSH_INTERVAL_MS, tick -> history.flush());
              return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
            });
  }

  /** The stored states, or none (logged) when Redis does not answer within the attempts. */
  private Future<List<AgentState>> restore(int attemptsLeft) {
    return store
        .loadAll()
        .recover(
            failure -> {
              if (attemptsLeft <= 1) {
                LOG.error(
                    "Agent states could not be read from Redis ({}); starting with no agent"
                        + " logged in",
                    failure.getMessage());
                return Future.succeededFuture(List.of());
              }
              Promise<List<AgentState>> retried = Promise.promise();
              vertx.setTimer(
                  RESTORE_RETRY_MS, tick -> restore(attemptsLeft - 1).onComplete(retried));
              return retried.future();
            });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    vertx.cancelTimer(historyTimer);
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
        .compose(done -> history.drain());
  }

  private <T> void listen(String address, Function<JsonObject, T> parse, Consumer<T> handler) {
    consumers.add(
        vertx
            .eventBus()
            .<JsonObject>consumer(
                address,
                message -> {
                  try {
                    handler.accept(parse.apply(message.body()));
                  } catch (RuntimeException bad) {
                    LOG.error("Ignoring {} that cannot be read: {}", address, message.body(), bad);
                  }
                }));
  }

  // --- call events ------------------------------------------------------------------------

  private void offered(CallOffered offer) {
    List<AgentTransition> changes = tracker.callOffered(offer);
    changed(changes, false);
    for (AgentTransition change : changes) {
      screenPop.show(change.after().userId(), offer);
    }
  }

  private void answered(CallAnswered answer) {
    List<AgentTransition> changes = tracker.callAnswered(answer);
    changed(changes, false);
    for (AgentTransition change : changes) {
      if (change.after().status() == AgentStatus.ON_CALL) {
        screenPop.answered(change.after().userId(), answer);
      }
    }
  }

  private void ended(CallEnded end) {
    screenPop.callEnded(end.linkedId());
    changed(tracker.callEnded(end), true);
  }

  private void query(Message<JsonObject> message) {
    JsonObject body = message.body() == null ? new JsonObject() : message.body();
    Long userId = body.getLong("userId");
    if (userId != null) {
      message.reply(new JsonObject().put("agent", tracker.current(userId).toJson()));
      return;
    }
    String agentInterface = body.getString("interface");
    if (agentInterface != null) {
      AgentState agent = tracker.atInterface(agentInterface);
      message.reply(new JsonObject().put("agent", agent == null ? null : agent.toJson()));
      return;
    }
    JsonArray agents = new JsonArray();
    tracker.loggedIn().forEach(agent -> agents.add(agent.toJson()));
    message.reply(new JsonObject().put("agents", agents));
  }

  /**
   * {@value ConsoleBusAddresses#AGENT_DIAL}: a click-to-dial starts (the PBX pauses the member so
   * that no queue rings the phone meanwhile, then the agent is on the call) or did not reach the
   * agent (back to the state before it, the PBX's pause following).
   */
  private void dial(Message<JsonObject> message) {
    JsonObject body = message.body() == null ? new JsonObject() : message.body();
    try {
      long userId = required(body.getLong("userId"), "userId");
      String linkedId = body.getString("linkedId");
      Future<AgentState> done =
          switch (required(body.getString("phase"), "phase")) {
            case ConsoleBusAddresses.DIAL_START -> {
              AgentTransition dial = tracker.planDialStart(userId, linkedId);
              String phone = dial.before().agentInterface();
              yield commit(pbx.pause(phone, true, AgentStateTracker.OUTBOUND_REASON), dial);
            }
            case ConsoleBusAddresses.DIAL_FAILED -> {
              List<AgentTransition> back = tracker.dialFailed(userId, linkedId);
              if (back.isEmpty()) {
                // Not on that dial (its start failed or was given up): the PBX may have paused the
                // member for it all the same (a timed-out pause that Asterisk did), so its pause
                // is put back to match the agent's state. Idempotent.
                AgentState now = tracker.current(userId);
                syncPause(now)
                    .onFailure(
                        failure ->
                            LOG.warn(
                                "PBX pause of agent {} not put back after a failed dial: {}",
                                userId,
                                failure.getMessage()));
              }
              yield changed(back, true).map(stored -> tracker.current(userId));
            }
            default ->
                throw new SwitchboardException(
                    ErrorCode.BAD_REQUEST, "a dial's 'phase' is start or failed");
          };
      done.onSuccess(state -> message.reply(new JsonObject().put("agent", state.toJson())))
          .onFailure(failure -> fail(message, failure));
    } catch (RuntimeException bad) {
      fail(message, bad);
    }
  }

  // --- commands ---------------------------------------------------------------------------

  private void command(Message<JsonObject> message) {
    JsonObject body = message.body();
    try {
      long userId = required(body.getLong("userId"), "userId");
      String type = required(body.getString("type"), "type");
      JsonObject data = body.getJsonObject("data", new JsonObject());
      execute(userId, type, data)
          .onSuccess(
              state ->
                  message.reply(
                      new JsonObject()
                          .put("type", ConsoleBusAddresses.AGENT_STATE)
                          .put("data", state.toJson())))
          .onFailure(failure -> fail(message, failure));
    } catch (RuntimeException bad) {
      fail(message, bad);
    }
  }

  private Future<AgentState> execute(long userId, String type, JsonObject data) {
    return switch (type) {
      case ConsoleBusAddresses.AGENT_LOGIN -> login(userId, data);
      case ConsoleBusAddresses.AGENT_PAUSE -> {
        AgentTransition pause = tracker.planPause(userId, data.getString("reason"));
        yield commit(
            pbx.pause(pause.before().agentInterface(), true, pause.after().reason()), pause);
      }
      case ConsoleBusAddresses.AGENT_READY, ConsoleBusAddresses.AGENT_WRAPUP_DONE -> {
        AgentTransition ready =
            type.equals(ConsoleBusAddresses.AGENT_READY)
                ? tracker.planReady(userId)
                : tracker.planWrapUpDone(userId);
        yield commit(syncPause(ready.after()), ready);
      }
      case ConsoleBusAddresses.AGENT_LOGOUT -> {
        AgentTransition logout = tracker.planLogout(userId);
        AgentState before = logout.before();
        yield commit(pbx.removeAll(before.agentInterface(), before.queues()), logout);
      }
      default ->
          throw new SwitchboardException(
              ErrorCode.BAD_REQUEST, "unknown agent command type '" + type + "'");
    };
  }

  private Future<AgentState> login(long userId, JsonObject data) {
    String agentInterface = data.getString("interface");
    if (agentInterface == null || agentInterface.isBlank() || agentInterface.length() > 128) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "agent.login needs 'interface', e.g. PJSIP/1001");
    }
    JsonArray queueArray = data.getJsonArray("queues");
    if (queueArray == null || queueArray.isEmpty() || queueArray.size() > MAX_QUEUES_PER_LOGIN) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "agent.login needs 'queues', 1 to " + MAX_QUEUES_PER_LOGIN + " queue names");
    }
    List<String> queues = new ArrayList<>();
    for (Object queue : queueArray) {
      if (!(queue instanceof String name) || name.isBlank()) {
        throw new SwitchboardException(
            ErrorCode.BAD_REQUEST, "agent.login 'queues' must hold queue names, got " + queue);
      }
      queues.add(name);
    }
    AgentTransition login = tracker.planLogin(userId, agentInterface, queues);
    return commit(
        pbx.add(agentInterface, data.getString("memberName"), login.after().queues()), login);
  }

  private Future<AgentState> commit(Future<Void> pbxAgreed, AgentTransition planned) {
    // The reply waits until the change is stored (or failed to be, which is logged), so that a
    // console that reloads right after its reply finds it.
    return pbxAgreed.compose(
        agreed -> {
          if (tracker.alreadyMade(planned)) {
            // The PBX's event came before its reply and made the move (stored and pushed there).
            return Future.succeededFuture(tracker.current(planned.before().userId()));
          }
          AgentState state;
          try {
            state = tracker.apply(planned);
          } catch (SwitchboardException moved) {
            // The PBX did what was asked but the move is refused (the state moved meanwhile, or a
            // dial was given up): the PBX's pause goes back to match the agent's state of now.
            AgentState now = tracker.current(planned.before().userId());
            syncPause(now)
                .onFailure(
                    failure ->
                        LOG.warn(
                            "PBX pause of agent {} not put back to {}: {}",
                            now.userId(),
                            now.status().wire(),
                            failure.getMessage()));
            return Future.failedFuture(moved);
          }
          return changed(List.of(planned), false).map(stored -> state);
        });
  }

  /** Makes the PBX's pause match a state this node moved to by itself (wrap-up, its end). */
  private Future<Void> syncPause(AgentState state) {
    return switch (state.status()) {
      case READY -> pbx.pause(state.agentInterface(), false, null);
      case PAUSED -> pbx.pause(state.agentInterface(), true, state.reason());
      case WRAP_UP -> pbx.pause(state.agentInterface(), true, AgentStateTracker.WRAP_UP_REASON);
      default -> Future.succeededFuture();
    };
  }

  // --- after every change -----------------------------------------------------------------

  /**
   * Stores, pushes and passes on each change; the future completes (never fails) once every store
   * was attempted.
   */
  private Future<Void> changed(List<AgentTransition> transitions, boolean tellPbx) {
    List<Future<Void>> stored = new ArrayList<>();
    for (AgentTransition transition : transitions) {
      AgentState state = transition.after();
      if (transition.statusChanged()) {
        stored.add(recordHistory(state));
      }
      stored.add(
          store
              .save(state)
              .recover(
                  failure -> {
                    LOG.error(
                        "Agent state not saved in Redis: {} ({})",
                        state.toJson(),
                        failure.getMessage());
                    return Future.succeededFuture();
                  }));
      JsonObject event =
          new JsonObject()
              .put("type", ConsoleBusAddresses.AGENT_STATE_CHANGED)
              .put("data", state.toJson());
      vertx.eventBus().publish(ConsoleBusAddresses.toUser(state.userId()), event);
      vertx
          .eventBus()
          .publish(ConsoleBusAddresses.TO_ROLE_PREFIX + ConsoleBusAddresses.SUPERVISOR_ROLE, event);
      AgentStatus before = transition.before().status();
      boolean afterCall = before == AgentStatus.ON_CALL || before == AgentStatus.WRAP_UP;
      if (tellPbx && afterCall && transition.statusChanged() && state.loggedIn()) {
        syncPause(state)
            .onFailure(
                failure ->
                    LOG.warn(
                        "The PBX did not take agent {}'s {}: {}",
                        state.userId(),
                        state.status().wire(),
                        failure.getMessage()));
      }
      if (transition.callFinished()) {
        screenPop.close(state.userId(), transition.before().linkedId());
      }
    }
    return Future.join(stored).mapEmpty();
  }

  /** Queued for the next history batch; completes once that batch is over. */
  private Future<Void> recordHistory(AgentState state) {
    return history.record(state);
  }

  private static void fail(Message<JsonObject> message, Throwable failure) {
    if (failure instanceof SwitchboardException known) {
      message.fail(known.code().busFailureCode(), known.getMessage());
    } else if (failure instanceof ReplyException reply) {
      message.fail(reply.failureCode(), reply.getMessage());
    } else {
      LOG.error("Agent command failed", failure);
      message.fail(ErrorCode.INTERNAL.busFailureCode(), "internal error: " + failure.getMessage());
    }
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new SwitchboardException(ErrorCode.BAD_REQUEST, "agent command needs '" + field + "'");
    }
    return value;
  }
}
