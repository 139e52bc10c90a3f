package io.switchboard.agentws.wallboard;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.persistence.WallboardRepository;
import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.call.CallTransferred;
import io.switchboard.core.call.QueueCallerChanged;
import io.switchboard.core.call.QueueMemberChanged;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.persistence.PostgresDatabase;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the wallboard: feeds the AMI bridge's call and queue events and the agents'
 * state changes into a {@link WallboardCalculator}, rebuilds today's counters from PostgreSQL at
 * start, pushes {@value ConsoleBusAddresses#WALLBOARD_UPDATE} to the supervisor and admin roles at
 * most once a second (and within a second of a change), and answers {@value
 * ConsoleBusAddresses#WALLBOARD_SNAPSHOT}. Deploy one per cluster (its pushes are published to
 * every node). Everything runs on this verticle's context.
 */
public final class WallboardVerticle extends VerticleBase {

  /** A call answered within this wait is within the service level (seconds). */
  public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;

  /** Least time between two pushes. */
  public static final long PUSH_INTERVAL_MS = 1_000;

  /** How often midnight and failed username look-ups are checked. */
  public static final long TICK_MS = 1_000;

  /** Pause before asking the agent-state owner again when it did not answer at start. */
  public static final long AGENT_QUERY_RETRY_MS = 2_000;

  /** Pause before usernames are looked up again after PostgreSQL failed. */
  public static final long USERNAME_RETRY_MS = 30_000;

  private static final Logger LOG = LoggerFactory.getLogger(WallboardVerticle.class);

  private static final DeliveryOptions AGENT_QUERY = new DeliveryOptions().setSendTimeout(5_000);

  private final WallboardRepository repository;
  private final Clock clock;
  private final WallboardLimits limits;
  private final WallboardCalculator calculator;
  private final UsernameCache usernames;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private boolean seeded;
  private boolean stopped;
  private boolean dirty;
  private long lastPushNanos;
  private long pushTimer = -1;
  private long tickTimer = -1;
  private long agentQueryTimer = -1;
  private int agentQueryFailures;
  private long usernameRetryAtNanos = -1;

  /**
   * The node's wallboard, in one line for the module: the system clock and zone, a 20 s service
   * level, the default limits.
   */
  public static WallboardVerticle forNode(PostgresDatabase database) {
    return new WallboardVerticle(WallboardRepository.over(database));
  }

  /** The wallboard: the system clock and zone, a 20 s service level, default limits. */
  public WallboardVerticle(WallboardRepository repository) {
    this(
        repository,
        Clock.systemDefaultZone(),
        DEFAULT_SERVICE_LEVEL_SECONDS,
        WallboardLimits.DEFAULTS);
  }

  /**
   * @param clock the time of the data and the zone whose local day is "today"
   * @param serviceLevelSeconds the service-level threshold (1 to 3600)
   */
  public WallboardVerticle(
      WallboardRepository repository,
      Clock clock,
      int serviceLevelSeconds,
      WallboardLimits limits) {
    this.repository = repository;
    this.clock = clock;
    this.limits = limits;
    this.calculator = new WallboardCalculator(clock, serviceLevelSeconds, limits);
    this.usernames = new UsernameCache(limits.maxUsernames());
  }

  @Override
  public Future<?> start() {
    // Calls that end from now on are counted from their events, earlier ones from the call logs.
    Instant cutoff = clock.instant();
    calculator.countLiveFrom(cutoff);
    Instant dayStart = calculator.dayStart();
    listen(CallAddresses.CALL_CREATED, CallCreated::fromJson, calculator::callCreated);
    listen(CallAddresses.CALL_QUEUED, CallQueued::fromJson, calculator::callQueued);
    listen(CallAddresses.CALL_OFFERED, CallOffered::fromJson, calculator::callOffered);
    listen(CallAddresses.CALL_ANSWERED, CallAnswered::fromJson, calculator::callAnswered);
    listen(CallAddresses.CALL_TRANSFERRED, CallTransferred::fromJson, calculator::callTransferred);
    listen(CallAddresses.CALL_ENDED, CallEnded::fromJson, calculator::callEnded);
    listen(
        CallAddresses.QUEUE_CALLER_CHANGED, QueueCallerChanged::fromJson, calculator::queueCaller);
    listen(
        CallAddresses.QUEUE_MEMBER_CHANGED, QueueMemberChanged::fromJson, calculator::queueMember);
    listen(ConsoleBusAddresses.TO_ROLE_PREFIX + ConsoleBusAddresses.SUPERVISOR_ROLE, agentState());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList())
        .compose(registered -> seed(dayStart, cutoff))
        .compose(
            done -> {
              MessageConsumer<JsonObject> snapshots =
                  vertx.eventBus().consumer(ConsoleBusAddresses.WALLBOARD_SNAPSHOT, this::snapshot);
              consumers.add(snapshots);
              return snapshots.completion();
            })
        .onFailure(failed -> consumers.forEach(MessageConsumer::unregister))
        .onSuccess(
            started -> {
              seeded = true;
              lastPushNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(PUSH_INTERVAL_MS);
              tickTimer = vertx.setPeriodic(TICK_MS, tick -> tick());
              queryAgents();
              changed();
            });
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(pushTimer);
    vertx.cancelTimer(tickTimer);
    vertx.cancelTimer(agentQueryTimer);
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
  }

  private Future<Void> seed(Instant dayStart, Instant cutoff) {
    long serviceLevelMs = calculator.serviceLevelSeconds() * 1000L;
    var totals = repository.queueTotals(dayStart, cutoff, serviceLevelMs, limits.maxQueues());
    var agentCalls = repository.callsByAgent(dayStart, cutoff, limits.maxAgents());
    return Future.all(totals, agentCalls)
        .transform(
            read -> {
              if (read.failed()) {
                return Future.failedFuture(
                    new SwitchboardException(
                        ErrorCode.UNAVAILABLE,
                        "the wallboard could not read today's calls from PostgreSQL: "
                            + read.cause().getMessage()));
              }
              boolean kept = calculator.seed(dayStart, totals.result(), agentCalls.result());
              LOG.info(
                  "Wallboard started from today's call logs: {} queues, {} agents{}",
                  totals.result().size(),
                  agentCalls.result().size(),
                  kept ? "" : " (dropped: the day changed meanwhile)");
              return Future.succeededFuture();
            });
  }

  // --- inputs -----------------------------------------------------------------------------

  private <T> void listen(String address, Function<JsonObject, T> parse, Predicate<T> apply) {
    listen(address, body -> apply.test(parse.apply(body)));
  }

  private void listen(String address, Predicate<JsonObject> apply) {
    consumers.add(
        vertx
            .eventBus()
            .<JsonObject>consumer(
                address,
                message -> {
                  boolean changed = calculator.rollOver();
                  try {
                    changed |= apply.test(message.body());
                  } catch (RuntimeException bad) {
                    LOG.error(
                        "Wallboard ignores {} that cannot be read: {}",
                        address,
                        message.body(),
                        bad);
                  }
                  if (changed) {
                    changed();
                  }
                }));
  }

  /** The supervisors' role address carries agent state changes (and this verticle's pushes). */
  private Predicate<JsonObject> agentState() {
    return message -> {
      if (!ConsoleBusAddresses.AGENT_STATE_CHANGED.equals(message.getString("type"))) {
        return false;
      }
      AgentState state = AgentState.fromJson(message.getJsonObject("data"));
      boolean changed = calculator.agentChanged(state);
      if (changed && state.loggedIn()) {
        lookUpUsernames(List.of(state.userId()));
      }
      return changed;
    };
  }

  /** Asks the agent-state owner for every logged-in agent, again later while it does not answer. */
  private void queryAgents() {
    agentQueryTimer = -1;
    vertx
        .eventBus()
        .<JsonObject>request(ConsoleBusAddresses.AGENT_STATE_QUERY, new JsonObject(), AGENT_QUERY)
        .onSuccess(
            reply -> {
              List<AgentState> states = new ArrayList<>();
              JsonArray agents = reply.body().getJsonArray("agents", new JsonArray());
              for (int index = 0; index < agents.size(); index++) {
                states.add(AgentState.fromJson(agents.getJsonObject(index)));
              }
              if (calculator.restoreAgents(states)) {
                changed();
              }
              lookUpUsernames(calculator.agentIds());
            })
        .onFailure(
            failure -> {
              if (agentQueryFailures++ == 0) {
                LOG.warn(
                    "The agent states are not available yet ({}); asking again every {} ms",
                    failure.getMessage(),
                    AGENT_QUERY_RETRY_MS);
              }
              if (!stopped && agentQueryTimer == -1) {
                agentQueryTimer = vertx.setTimer(AGENT_QUERY_RETRY_MS, retry -> queryAgents());
              }
            });
  }

  private void lookUpUsernames(Collection<Long> userIds) {
    Set<Long> missing = usernames.claimMissing(userIds);
    if (missing.isEmpty()) {
      return;
    }
    repository
        .usernames(missing)
        .onSuccess(
            found -> {
              usernames.found(missing, found);
              changed();
              if (missing.size() == UsernameCache.MAX_BATCH) {
                lookUpUsernames(calculator.agentIds()); // the next batch
              }
            })
        .onFailure(
            failure -> {
              usernames.failed(missing);
              usernameRetryAtNanos =
                  System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(USERNAME_RETRY_MS);
              LOG.warn("Usernames not read, asking again in 30 s: {}", failure.getMessage());
            });
  }

  private void tick() {
    if (calculator.rollOver()) {
      LOG.info("Wallboard day counters start again for {}", calculator.dayStart());
      changed();
    }
    if (usernameRetryAtNanos != -1 && System.nanoTime() - usernameRetryAtNanos >= 0) {
      usernameRetryAtNanos = -1;
      lookUpUsernames(calculator.agentIds());
    }
  }

  // --- output -----------------------------------------------------------------------------

  private void snapshot(Message<JsonObject> request) {
    try {
      request.reply(data());
    } catch (RuntimeException failed) {
      LOG.error("Wallboard data could not be built", failed);
      request.fail(ErrorCode.INTERNAL.busFailureCode(), "wallboard: " + failed.getMessage());
    }
  }

  private JsonObject data() {
    return calculator.data(usernames::get);
  }

  /** Something shown changed: push now if the last push is a second old, else at that second. */
  private void changed() {
    dirty = true;
    if (!seeded || stopped || pushTimer != -1) {
      return;
    }
    long sinceLastMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastPushNanos);
    long waitMs = PUSH_INTERVAL_MS - sinceLastMs;
    if (waitMs <= 0) {
      push();
    } else {
      pushTimer =
          vertx.setTimer(
              waitMs,
              timer -> {
                pushTimer = -1;
                push();
              });
    }
  }

  private void push() {
    if (!dirty) {
      return;
    }
    dirty = false;
    lastPushNanos = System.nanoTime();
    JsonObject update =
        new JsonObject().put("type", ConsoleBusAddresses.WALLBOARD_UPDATE).put("data", data());
    vertx
        .eventBus()
        .publish(ConsoleBusAddresses.TO_ROLE_PREFIX + ConsoleBusAddresses.SUPERVISOR_ROLE, update);
    vertx
        .eventBus()
        .publish(ConsoleBusAddresses.TO_ROLE_PREFIX + ConsoleBusAddresses.ADMIN_ROLE, update);
  }
}
