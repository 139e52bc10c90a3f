package io.switchboard.agentws.agent;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The click-to-dials agents are on: the state each agent had before its dial made it {@code
 * on_call}, so that a dial that does not reach the agent (refused, its phone not answering) returns
 * the agent there. Pure; not thread-safe, owned by one {@link AgentStateTracker}. In memory only:
 * after a restart a dial in progress is not known, and its end takes the agent through a wrap-up.
 * Bounded by the agents logged in (one entry per agent, dropped when the agent leaves the dial).
 */
final class OutboundDials {

  /** Dials given up before they started that are remembered, the oldest forgotten first. */
  static final int MAX_CANCELLED = 1_000;

  private final Map<Long, AgentState> before = new HashMap<>();
  private final Map<String, Boolean> cancelled =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_CANCELLED;
        }
      };

  /**
   * The dialler gave up on {@code linkedId} before the agent was on it (its request to start timed
   * out, or the Originate was refused): a start still on its way must not put the agent on it.
   */
  void cancel(String linkedId) {
    cancelled.put(linkedId, Boolean.TRUE);
  }

  /** True (once) when {@code linkedId} was given up before it started. */
  boolean wasCancelled(String linkedId) {
    return cancelled.remove(linkedId) != null;
  }

  /** True when {@code state} is on a click-to-dial call. */
  static boolean isDial(AgentState state) {
    return state.status() == AgentStatus.ON_CALL
        && AgentStateTracker.OUTBOUND_REASON.equals(state.reason());
  }

  /** True when {@code state} is on the click-to-dial call {@code linkedId}. */
  static boolean isDial(AgentState state, String linkedId) {
    return isDial(state) && linkedId.equals(state.linkedId());
  }

  /** The agent went from {@code previous} onto the dial {@code dialling}. */
  void started(AgentState previous, AgentState dialling) {
    before.put(dialling.userId(), previous);
  }

  /** The agent's state is now {@code state}: a dial it left is forgotten. */
  void follow(AgentState state) {
    if (!isDial(state)) {
      before.remove(state.userId());
    }
  }

  /**
   * Where an agent on a dial goes back to at {@code at} (its state before the dial, with its queues
   * of now), or null when that is not known (the node restarted during the dial).
   */
  AgentState back(AgentState dialling, Instant at) {
    AgentState previous = before.get(dialling.userId());
    if (previous == null) {
      return null;
    }
    return new AgentState(
        dialling.userId(),
        previous.status(),
        previous.reason(),
        dialling.agentInterface(),
        dialling.queues(),
        at,
        previous.linkedId(),
        previous.callQueue(),
        previous.wrapUpEndsAt());
  }
}
