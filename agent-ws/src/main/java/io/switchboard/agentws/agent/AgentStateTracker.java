package io.switchboard.agentws.agent;

import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.call.QueueMemberChanged;
import io.switchboard.core.config.WrapUpPolicy;
import io.switchboard.core.config.WrapUpRule;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state machine of every logged-in agent: agent commands, call events and queue-member events
 * move it; the PBX wins where they disagree. Pure: no I/O, time from the injected clock. Not
 * thread-safe: one owner (the {@code AgentStateVerticle}'s context) calls it.
 *
 * <p>Commands are two steps, so that the PBX is asked first: {@code plan*} checks the move and
 * returns the transition without keeping it; {@link #apply(AgentTransition)} keeps it once the PBX
 * agreed, and refuses it if the agent's state changed in between. Events are applied at once and
 * return what changed (possibly nothing).
 */
public final class AgentStateTracker {

  /** Most agents logged in at once; one more login is refused. */
  public static final int DEFAULT_MAX_AGENTS = 20_000;

  /** Pause reason while wrapping up (sent to the PBX so that the queue does not ring the agent). */
  public static final String WRAP_UP_REASON = "wrap-up";

  /** Pause reason after a wrap-up in a queue whose rule does not make the agent ready. */
  public static final String AFTER_WRAP_UP_REASON = "after-wrap-up";

  /** Pause reason when the PBX paused the member without giving one. */
  public static final String PBX_REASON = "pbx";

  /**
   * Reason of an agent on a click-to-dial call (its {@code on_call} state, its history row and the
   * PBX pause that keeps queues from ringing it meanwhile).
   */
  public static final String OUTBOUND_REASON = "outbound";

  /** Longest pause reason code. */
  public static final int MAX_REASON_LENGTH = 64;

  private final Clock clock;
  private final WrapUpPolicy wrapUp;
  private final int maxAgents;
  private final Map<Long, AgentState> agents = new HashMap<>();
  private final Map<String, Long> byInterface = new HashMap<>();
  private final OutboundDials dials = new OutboundDials();

  public AgentStateTracker(Clock clock, WrapUpPolicy wrapUp, int maxAgents) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.wrapUp = Objects.requireNonNull(wrapUp, "wrapUp");
    this.maxAgents = maxAgents;
  }

  /** The agent's current state; logged out (since the epoch) when not known. */
  public AgentState current(long userId) {
    AgentState state = agents.get(userId);
    return state == null ? AgentState.loggedOut(userId, Instant.EPOCH) : state;
  }

  /** The logged-in agent whose member interface is {@code agentInterface}, or null. */
  public AgentState atInterface(String agentInterface) {
    Long userId = agentInterface == null ? null : byInterface.get(agentInterface);
    return userId == null ? null : agents.get(userId);
  }

  /** Every logged-in agent. */
  public Collection<AgentState> loggedIn() {
    return List.copyOf(agents.values());
  }

  /** Takes back states kept elsewhere (Redis) after a restart; logged-out ones are skipped. */
  public void restore(Collection<AgentState> states) {
    for (AgentState state : states) {
      if (state.loggedIn() && agents.size() < maxAgents) {
        keep(state);
      }
    }
  }

  // --- commands ---------------------------------------------------------------------------

  /** Login to {@code queues} with the member interface {@code agentInterface}: ready. */
  public AgentTransition planLogin(long userId, String agentInterface, List<String> queues) {
    AgentState now = current(userId);
    if (now.loggedIn()) {
      throw illegal(now, "log in", "log out first");
    }
    Long holder = byInterface.get(agentInterface);
    if (holder != null) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT,
          "interface " + agentInterface + " is already logged in by user " + holder);
    }
    if (agents.size() >= maxAgents) {
      throw new SwitchboardException(
          ErrorCode.RATE_LIMITED, "already " + maxAgents + " agents are logged in");
    }
    AgentState ready =
        new AgentState(
            userId,
            AgentStatus.READY,
            null,
            agentInterface,
            List.copyOf(new LinkedHashSet<>(queues)),
            clock.instant(),
            null,
            null,
            null);
    return new AgentTransition(now, ready);
  }

  /** Ready: from paused (resume) or from wrap-up (done early). */
  public AgentTransition planReady(long userId) {
    AgentState now = current(userId);
    if (now.status() != AgentStatus.PAUSED && now.status() != AgentStatus.WRAP_UP) {
      throw illegal(now, "become ready", "only a paused or wrapping-up agent can");
    }
    return new AgentTransition(now, now.to(AgentStatus.READY, null, clock.instant()));
  }

  /** Pause with a reason code: from ready, wrap-up, or another pause (the reason changes). */
  public AgentTransition planPause(long userId, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "a pause needs a reason code of 1 to " + MAX_REASON_LENGTH + " characters");
    }
    AgentState now = current(userId);
    AgentStatus status = now.status();
    if (status != AgentStatus.READY
        && status != AgentStatus.PAUSED
        && status != AgentStatus.WRAP_UP) {
      throw illegal(now, "pause", "only a ready, paused or wrapping-up agent can");
    }
    if (status == AgentStatus.PAUSED && reason.equals(now.reason())) {
      throw illegal(now, "pause", "already paused for " + reason);
    }
    return new AgentTransition(now, now.to(AgentStatus.PAUSED, reason, clock.instant()));
  }

  /** Logout: from any state but ringing or on a call. */
  public AgentTransition planLogout(long userId) {
    AgentState now = current(userId);
    if (!now.loggedIn()) {
      throw illegal(now, "log out", "not logged in");
    }
    if (now.status() == AgentStatus.RINGING || now.status() == AgentStatus.ON_CALL) {
      throw illegal(now, "log out", "finish the call first");
    }
    return new AgentTransition(now, AgentState.loggedOut(userId, clock.instant()));
  }

  /** The agent ends the wrap-up before its time. */
  public AgentTransition planWrapUpDone(long userId) {
    AgentState now = current(userId);
    if (now.status() != AgentStatus.WRAP_UP) {
      throw illegal(now, "end the wrap-up", "not wrapping up");
    }
    return new AgentTransition(now, afterWrapUp(now, clock.instant()));
  }

  /**
   * The agent's phone is about to ring for its click-to-dial of the call {@code linkedId}: on a
   * call (reason {@value #OUTBOUND_REASON}, no queue) from now; from ready, paused or wrap-up.
   */
  public AgentTransition planDialStart(long userId, String linkedId) {
    if (linkedId == null || linkedId.isBlank()) {
      throw new SwitchboardException(ErrorCode.BAD_REQUEST, "a dial needs the call's 'linkedId'");
    }
    AgentState now = current(userId);
    AgentStatus status = now.status();
    if (status != AgentStatus.READY
        && status != AgentStatus.PAUSED
        && status != AgentStatus.WRAP_UP) {
      throw illegal(now, "dial", "only a ready, paused or wrapping-up agent can");
    }
    AgentState dialling =
        new AgentState(
            userId,
            AgentStatus.ON_CALL,
            OUTBOUND_REASON,
            now.agentInterface(),
            now.queues(),
            clock.instant(),
            linkedId,
            null,
            null);
    return new AgentTransition(now, dialling);
  }

  /**
   * The click-to-dial {@code linkedId} did not reach the agent (the PBX refused it, or no result
   * came): back to the state before it. Nothing when the agent is not on that dial any more.
   */
  public List<AgentTransition> dialFailed(long userId, String linkedId) {
    AgentState now = current(userId);
    if (linkedId == null) {
      return List.of();
    }
    if (!OutboundDials.isDial(now, linkedId)) {
      // Given up before its start was applied (the start's reply came too late for the dialler):
      // the start, when it lands, is refused.
      dials.cancel(linkedId);
      return List.of();
    }
    return List.of(change(now, afterDial(now, clock.instant())));
  }

  /**
   * Keeps a planned transition; fails (409) when the agent's state changed since it was planned.
   */
  public AgentState apply(AgentTransition transition) {
    AgentState now = current(transition.before().userId());
    if (!now.equals(transition.before())) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT,
          "the agent's state changed to " + now.status().wire() + " meanwhile; try again");
    }
    if (OutboundDials.isDial(transition.after())
        && dials.wasCancelled(transition.after().linkedId())) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT, "the dial " + transition.after().linkedId() + " was given up");
    }
    keep(transition.after());
    if (OutboundDials.isDial(transition.after())) {
      dials.started(now, transition.after());
    }
    return transition.after();
  }

  /**
   * True when the agent has made {@code transition}'s move (same status and reason) since it was
   * planned without it being applied: the PBX's event confirming a command (a member paused,
   * unpaused or removed) can overtake the reply to the command's own action. The command then
   * succeeded; there is nothing left to apply.
   */
  public boolean alreadyMade(AgentTransition transition) {
    AgentState now = current(transition.before().userId());
    AgentState after = transition.after();
    return !now.equals(transition.before())
        && now.status() == after.status()
        && Objects.equals(now.reason(), after.reason());
  }

  // --- call events ------------------------------------------------------------------------

  /** A queue rings the member: its agent rings (whatever we thought, the PBX rang it). */
  public List<AgentTransition> callOffered(CallOffered offer) {
    AgentState now = byInterface(offer.agentInterface());
    if (now == null
        || now.status() == AgentStatus.ON_CALL
        || (now.status() == AgentStatus.RINGING && offer.linkedId().equals(now.linkedId()))) {
      return List.of();
    }
    AgentState ringing =
        now.toCall(AgentStatus.RINGING, offer.linkedId(), offer.queue(), clock.instant(), null);
    return List.of(change(now, ringing));
  }

  /** The answering agent is on the call; others that rang for it are ready again. */
  public List<AgentTransition> callAnswered(CallAnswered answer) {
    List<AgentTransition> changes = new ArrayList<>();
    AgentState answering = byInterface(answer.agentInterface());
    for (AgentState other : List.copyOf(agents.values())) {
      if (other != answering
          && other.status() == AgentStatus.RINGING
          && answer.linkedId().equals(other.linkedId())) {
        changes.add(change(other, other.to(AgentStatus.READY, null, clock.instant())));
      }
    }
    if (answering != null
        && !(answering.status() == AgentStatus.ON_CALL
            && answer.linkedId().equals(answering.linkedId()))) {
      String queue = answer.queue() != null ? answer.queue() : answering.callQueue();
      AgentState onCall =
          answering.toCall(AgentStatus.ON_CALL, answer.linkedId(), queue, clock.instant(), null);
      changes.add(change(answering, onCall));
    }
    return changes;
  }

  /** The agent who talked wraps up; agents still ringing for the call are ready again. */
  public List<AgentTransition> callEnded(CallEnded ended) {
    List<AgentTransition> changes = new ArrayList<>();
    Instant at = clock.instant();
    for (AgentState agent : List.copyOf(agents.values())) {
      boolean sameCall = ended.linkedId().equals(agent.linkedId());
      boolean answerer =
          agent.status() == AgentStatus.ON_CALL
              && agent.agentInterface().equals(ended.agentInterface());
      if (agent.status() == AgentStatus.RINGING && sameCall) {
        changes.add(change(agent, agent.to(AgentStatus.READY, null, at)));
      } else if (sameCall
          && OutboundDials.isDial(agent)
          && ended.outcome() != CallOutcome.ANSWERED) {
        // The dial reached nobody (the agent's phone, or the customer it dialled, did not answer):
        // nothing to wrap up.
        changes.add(change(agent, afterDial(agent, at)));
      } else if (agent.status() == AgentStatus.ON_CALL && (sameCall || answerer)) {
        changes.add(change(agent, wrappingUp(agent, at)));
      }
    }
    return changes;
  }

  /** Wrap-up after the call, by the rule of its queue ({@code *} for a call without one). */
  private AgentState wrappingUp(AgentState agent, Instant at) {
    WrapUpRule rule = wrapUp.forQueue(agent.callQueue());
    AgentState wrapping =
        agent.toCall(
            AgentStatus.WRAP_UP, agent.linkedId(), agent.callQueue(), at, at.plus(rule.time()));
    return rule.time().isZero() ? afterWrapUp(wrapping, at) : wrapping;
  }

  /** Back to the state before a dial; a wrap-up when that state was lost (a restart). */
  private AgentState afterDial(AgentState dialling, Instant at) {
    AgentState back = dials.back(dialling, at);
    return back != null ? back : wrappingUp(dialling, at);
  }

  /** Ends the wrap-ups whose time is up; call about once a second. */
  public List<AgentTransition> expireWrapUps() {
    Instant at = clock.instant();
    List<AgentTransition> changes = new ArrayList<>();
    for (AgentState agent : List.copyOf(agents.values())) {
      if (agent.status() == AgentStatus.WRAP_UP && !agent.wrapUpEndsAt().isAfter(at)) {
        changes.add(change(agent, afterWrapUp(agent, at)));
      }
    }
    return changes;
  }

  // --- queue members (the PBX is the truth) -----------------------------------------------

  /**
   * A queue member changed, or was listed at a resync: the agent on that interface follows what the
   * PBX says (removed from every queue: logged out; paused: paused; unpaused: ready).
   */
  public List<AgentTransition> memberChanged(QueueMemberChanged member) {
    AgentState now = byInterface(member.memberInterface());
    if (now == null) {
      return List.of();
    }
    Set<String> queues = new LinkedHashSet<>(now.queues());
    if (member.change() == QueueMemberChange.REMOVED) {
      queues.remove(member.queue());
      if (queues.isEmpty()) {
        return List.of(change(now, AgentState.loggedOut(now.userId(), clock.instant())));
      }
    } else {
      queues.add(member.queue());
    }
    AgentState next = withQueues(now, List.copyOf(queues));
    if (member.change() != QueueMemberChange.REMOVED) {
      next = followPause(next, member);
    }
    return next.equals(now) ? List.of() : List.of(change(now, next));
  }

  private AgentState followPause(AgentState agent, QueueMemberChanged member) {
    QueueMemberChange kind = member.change();
    AgentStatus status = agent.status();
    Instant at = clock.instant();
    if (member.paused()) {
      String reason = member.pausedReason().isEmpty() ? PBX_REASON : member.pausedReason();
      boolean explicit = kind == QueueMemberChange.PAUSED || kind == QueueMemberChange.RESYNC;
      if (OUTBOUND_REASON.equals(reason) && kind != QueueMemberChange.RESYNC) {
        // The echo of the pause a dial's start asked for, which can overtake that request's reply:
        // the start puts the agent on the call; a pause here would make the start fail.
        return agent;
      }
      if (status == AgentStatus.READY
          || (status == AgentStatus.PAUSED && explicit && !reason.equals(agent.reason()))) {
        return agent.to(AgentStatus.PAUSED, reason, at);
      }
      return agent;
    }
    // A status event with paused=0 right after a call may be older than our own wrap-up pause,
    // so only an explicit unpause or a resync ends a wrap-up.
    boolean endsWrapUp = kind == QueueMemberChange.UNPAUSED || kind == QueueMemberChange.RESYNC;
    if (status == AgentStatus.PAUSED || (status == AgentStatus.WRAP_UP && endsWrapUp)) {
      return agent.to(AgentStatus.READY, null, at);
    }
    return agent;
  }

  private static AgentState withQueues(AgentState agent, List<String> queues) {
    return new AgentState(
        agent.userId(),
        agent.status(),
        agent.reason(),
        agent.agentInterface(),
        queues,
        agent.since(),
        agent.linkedId(),
        agent.callQueue(),
        agent.wrapUpEndsAt());
  }

  private AgentState afterWrapUp(AgentState agent, Instant at) {
    return wrapUp.forQueue(agent.callQueue()).readyAfter()
        ? agent.to(AgentStatus.READY, null, at)
        : agent.to(AgentStatus.PAUSED, AFTER_WRAP_UP_REASON, at);
  }

  private AgentState byInterface(String agentInterface) {
    Long userId = agentInterface == null ? null : byInterface.get(agentInterface);
    return userId == null ? null : agents.get(userId);
  }

  private AgentTransition change(AgentState before, AgentState after) {
    keep(after);
    return new AgentTransition(before, after);
  }

  private void keep(AgentState state) {
    dials.follow(state);
    AgentState old = agents.remove(state.userId());
    if (old != null && old.agentInterface() != null) {
      byInterface.remove(old.agentInterface());
    }
    if (state.loggedIn()) {
      agents.put(state.userId(), state);
      byInterface.put(state.agentInterface(), state.userId());
    }
  }

  private static SwitchboardException illegal(AgentState now, String move, String why) {
    return new SwitchboardException(
        ErrorCode.CONFLICT,
        "agent " + now.userId() + " cannot " + move + " while " + now.status().wire() + ": " + why);
  }
}
