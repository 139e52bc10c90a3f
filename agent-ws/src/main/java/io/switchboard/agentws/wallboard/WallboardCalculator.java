package io.switchboard.agentws.wallboard;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.agentws.persistence.QueueDayTotals;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.call.CallTransferred;
import io.switchboard.core.call.QueueCallerChange;
import io.switchboard.core.call.QueueCallerChanged;
import io.switchboard.core.call.QueueMemberChanged;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the wallboard shows, kept from the AMI bridge's call and queue events and the agent
 * states: live calls, waiting callers, logged-in agents, and per queue and per agent today's
 * counters. "Today" is the local day in the clock's zone; the counters start again at its midnight.
 * Pure: no I/O, time from the injected clock. Not thread-safe: one owner (the {@code
 * WallboardVerticle}'s context) calls it.
 *
 * <p>Every event method returns whether anything the wallboard shows changed.
 */
public final class WallboardCalculator {

  private static final Logger LOG = LoggerFactory.getLogger(WallboardCalculator.class);

  private final Clock clock;
  private final int serviceLevelSeconds;
  private final WallboardLimits limits;
  private final LiveCalls calls;
  private final Map<String, WaitingCaller> waiting = new HashMap<>();
  private final AgentRoster agents;
  private final Map<String, QueueCounters> queues = new TreeMap<>();
  private final Map<String, Long> refusals = new HashMap<>();
  private LocalDate day;
  private Instant dayStart;
  private Instant liveFrom = Instant.EPOCH;

  /** A caller waiting in a queue, since {@code joinedAt}. */
  record WaitingCaller(String queue, Instant joinedAt) {}

  /**
   * @param serviceLevelSeconds a call answered after waiting at most this long is within the
   *     service level; a caller who hung up after waiting longer counts against it
   */
  public WallboardCalculator(Clock clock, int serviceLevelSeconds, WallboardLimits limits) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    if (serviceLevelSeconds < 1 || serviceLevelSeconds > 3600) {
      throw new IllegalArgumentException(
          "the service level threshold must be 1 to 3600 seconds, got " + serviceLevelSeconds);
    }
    this.serviceLevelSeconds = serviceLevelSeconds;
    this.calls = new LiveCalls(limits.maxCalls());
    this.agents = new AgentRoster(limits.maxAgents());
    startDay(LocalDate.now(clock));
  }

  // --- the day ----------------------------------------------------------------------------

  /** When the current day began (local midnight in the clock's zone). */
  public Instant dayStart() {
    return dayStart;
  }

  /** Starts a new day's counters if the clock passed midnight; true when it did. */
  public boolean rollOver() {
    LocalDate today = LocalDate.now(clock);
    if (today.equals(day)) {
      return false;
    }
    startDay(today);
    return true;
  }

  private void startDay(LocalDate today) {
    day = today;
    dayStart = today.atStartOfDay(clock.getZone()).toInstant();
    queues.replaceAll((name, counters) -> new QueueCounters(serviceLevelMs()));
    agents.newDay();
  }

  /**
   * Calls that ended before {@code cutoff}, and agents' calls that began before it, are counted by
   * {@link #seed} from PostgreSQL, so events about them are not counted again.
   */
  public void countLiveFrom(Instant cutoff) {
    liveFrom = Objects.requireNonNull(cutoff, "cutoff");
  }

  /**
   * Adds what PostgreSQL holds for the day up to the cutoff: per queue the finished calls, per
   * agent the calls taken. Ignored (false) when {@code seededDayStart} is no longer today's start.
   */
  public boolean seed(
      Instant seededDayStart, Collection<QueueDayTotals> totals, Map<Long, Long> agentCalls) {
    rollOver();
    if (!seededDayStart.equals(dayStart)) {
      return false;
    }
    for (QueueDayTotals queue : totals) {
      QueueCounters counters = counters(queue.queue());
      if (counters != null) {
        counters.add(queue);
      }
    }
    agentCalls.forEach((userId, count) -> countAgentCalls(userId, count));
    return true;
  }

  // --- calls ------------------------------------------------------------------------------

  public boolean callCreated(CallCreated created) {
    call(
        created.callId(),
        created.serverId(),
        created.linkedId(),
        created.callerNumber(),
        created.startedAt());
    return false;
  }

  public boolean callQueued(CallQueued queued) {
    LiveCall call =
        call(
            queued.callId(),
            queued.serverId(),
            queued.linkedId(),
            queued.callerNumber(),
            queued.queuedAt());
    counters(queued.queue());
    if (call == null) {
      return false;
    }
    call.state = CallState.QUEUED;
    call.queue = queued.queue();
    call.since = orNow(queued.queuedAt());
    call.agentInterface = null;
    return true;
  }

  public boolean callOffered(CallOffered offer) {
    LiveCall call =
        call(
            offer.callId(),
            offer.serverId(),
            offer.linkedId(),
            offer.callerNumber(),
            offer.offeredAt());
    if (call == null || call.state == CallState.TALKING) {
      return false;
    }
    call.state = CallState.RINGING;
    call.since = orNow(offer.offeredAt());
    call.agentInterface = offer.agentInterface();
    if (offer.queue() != null && !offer.queue().isEmpty()) {
      call.queue = offer.queue();
    }
    return true;
  }

  public boolean callAnswered(CallAnswered answer) {
    LiveCall call =
        call(
            answer.callId(),
            answer.serverId(),
            answer.linkedId(),
            answer.callerNumber(),
            answer.answeredAt());
    if (call == null) {
      return false; // counted at its end instead
    }
    call.state = CallState.TALKING;
    call.since = orNow(answer.answeredAt());
    if (answer.agentInterface() != null) {
      call.agentInterface = answer.agentInterface();
    }
    if (answer.queue() != null) {
      call.queue = answer.queue();
    }
    boolean fromQueue = answer.queue() != null && answer.agentInterface() != null;
    if (fromQueue && !call.answerCounted) {
      call.answerCounted = true;
      QueueCounters counters = counters(answer.queue());
      if (counters != null && !call.since.isBefore(dayStart)) {
        counters.answered(answer.waitMs());
      }
    }
    return true;
  }

  public boolean callTransferred(CallTransferred transfer) {
    LiveCall call = calls.get(transfer.callId());
    boolean changed = false;
    if (call != null && !transfer.linkedId().equals(call.linkedId)) {
      calls.relink(call, transfer.linkedId());
      changed = call.listed();
    }
    if (transfer.consultationCallId() != null) {
      LiveCall joined = calls.remove(transfer.consultationCallId());
      changed |= joined != null && joined.listed();
    }
    return changed;
  }

  /** Removes the call and counts it: answered (if its answer was not seen), handled, abandoned. */
  public boolean callEnded(CallEnded end) {
    LiveCall call = calls.remove(end.callId());
    boolean changed = call != null && call.listed();
    if (end.mergedIntoCallId() != null || end.queue() == null) {
      return changed; // no call log of its own, or not a queue call
    }
    Instant endedAt = orNow(end.endedAt());
    if (endedAt.isBefore(liveFrom) || endedAt.isBefore(dayStart)) {
      return changed; // counted by the seed, or yesterday's
    }
    QueueCounters counters = counters(end.queue());
    if (counters == null) {
      return changed;
    }
    switch (end.outcome()) {
      case ANSWERED -> {
        boolean answerSeen = call != null && call.answerCounted;
        if (!answerSeen && end.answeredAt() != null && !end.answeredAt().isBefore(dayStart)) {
          counters.answered(end.waitMs());
        }
        counters.handled(end.talkMs() + end.holdMs());
        return true;
      }
      case ABANDONED -> {
        counters.abandoned(end.waitMs());
        return true;
      }
      default -> {
        return changed;
      }
    }
  }

  // --- queues -----------------------------------------------------------------------------

  public boolean queueCaller(QueueCallerChanged change) {
    String key = change.serverId() + " " + change.uniqueId();
    if (change.change() != QueueCallerChange.JOINED) {
      return waiting.remove(key) != null;
    }
    if (counters(change.queue()) == null) {
      return false;
    }
    WaitingCaller before = waiting.get(key);
    if (before != null && before.queue().equals(change.queue())) {
      return false; // a resync repeating what is known
    }
    if (before == null && waiting.size() >= limits.maxWaitingCallers()) {
      refused("waiting callers", limits.maxWaitingCallers());
      return false;
    }
    waiting.put(
        key, new WaitingCaller(change.queue(), orNow(change.at()).minusMillis(change.waitMs())));
    return true;
  }

  /** A queue with members shows on the board even before its first call. */
  public boolean queueMember(QueueMemberChanged member) {
    boolean known = queues.containsKey(member.queue());
    return counters(member.queue()) != null && !known;
  }

  // --- agents -----------------------------------------------------------------------------

  /** An agent's new state ({@code agent.state.changed}); counts the calls it takes. */
  public boolean agentChanged(AgentState state) {
    if (!state.loggedIn()) {
      return agents.forget(state.userId()) != null;
    }
    AgentState before = agents.get(state.userId());
    if (!agents.keep(state)) {
      refused("agents", limits.maxAgents());
      return false;
    }
    state.queues().forEach(this::counters);
    boolean tookCall =
        state.status() == AgentStatus.ON_CALL
            && (before == null || before.status() != AgentStatus.ON_CALL);
    if (tookCall && !state.since().isBefore(dayStart) && !state.since().isBefore(liveFrom)) {
      countAgentCalls(state.userId(), 1);
    }
    return true;
  }

  /** Agents as the agent-state owner lists them at start; ones already followed are kept. */
  public boolean restoreAgents(Collection<AgentState> states) {
    boolean changed = false;
    for (AgentState state : states) {
      if (state.loggedIn() && agents.get(state.userId()) == null && !agents.isFull()) {
        agents.keep(state);
        state.queues().forEach(this::counters);
        changed = true;
      }
    }
    return changed;
  }

  /** The ids of the logged-in agents. */
  public Collection<Long> agentIds() {
    return agents.ids();
  }

  private void countAgentCalls(long userId, long count) {
    if (!agents.countCalls(userId, count)) {
      refused("agents with calls today", limits.maxAgents());
    }
  }

  // --- the data ---------------------------------------------------------------------------

  /** The wallboard data at the clock's now; {@code usernames} gives a user's name or null. */
  public JsonObject data(Function<Long, String> usernames) {
    rollOver();
    return new WallboardView(this, clock.instant(), usernames).toJson();
  }

  int serviceLevelSeconds() {
    return serviceLevelSeconds;
  }

  Map<String, QueueCounters> queues() {
    return queues;
  }

  Collection<WaitingCaller> waiting() {
    return waiting.values();
  }

  Collection<AgentState> agents() {
    return agents.all();
  }

  Collection<LiveCall> calls() {
    return calls.all();
  }

  int maxListedCalls() {
    return limits.maxListedCalls();
  }

  long callsToday(long userId) {
    return agents.callsToday(userId);
  }

  Long agentAt(String agentInterface) {
    return agents.userAt(agentInterface);
  }

  LiveCall callOf(String linkedId) {
    return calls.byLinkedId(linkedId);
  }

  // --- bookkeeping ------------------------------------------------------------------------

  private long serviceLevelMs() {
    return serviceLevelSeconds * 1000L;
  }

  /** The queue's counters, created on first sight; null when there are too many queues. */
  private QueueCounters counters(String queue) {
    if (queue == null || queue.isEmpty()) {
      return null;
    }
    QueueCounters counters = queues.get(queue);
    if (counters == null) {
      if (queues.size() >= limits.maxQueues()) {
        refused("queues", limits.maxQueues());
        return null;
      }
      counters = new QueueCounters(serviceLevelMs());
      queues.put(queue, counters);
    }
    return counters;
  }

  private LiveCall call(
      String callId, String serverId, String linkedId, String callerNumber, Instant at) {
    LiveCall call = calls.seen(callId, serverId, linkedId, callerNumber, orNow(at));
    if (call == null) {
      refused("live calls", limits.maxCalls());
    }
    return call;
  }

  /** Events carry their time; one without (never from the bridge) is taken as now. */
  private Instant orNow(Instant at) {
    return at == null ? clock.instant() : at;
  }

  private void refused(String what, int limit) {
    long count = refusals.merge(what, 1L, Long::sum);
    if (count % 1000 == 1) {
      LOG.error(
          "Wallboard full: {} beyond {} are not shown ({} refused so far)", what, limit, count);
    }
  }
}
