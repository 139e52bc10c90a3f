package io.switchboard.agentws.call;

import java.util.ArrayList;
import java.util.List;

/**
 * The agents this node saw handle one call (placed it, took it, transferred it), oldest first, and
 * the customer it was placed to. Immutable.
 *
 * @param serverId the Asterisk server of the call
 * @param linkedId the call's Linkedid
 * @param agents the agents' user ids, each once, at most {@link #MAX_AGENTS}
 * @param customerId the customer of a click-to-dial, or null
 */
public record HandledCall(String serverId, String linkedId, List<Long> agents, Long customerId) {

  /** Most agents remembered per call (a call transferred around more keeps the latest). */
  public static final int MAX_AGENTS = 8;

  public HandledCall {
    agents = List.copyOf(agents);
  }

  /** The agent who handled the call last, or null. */
  public Long lastAgent() {
    return agents.isEmpty() ? null : agents.get(agents.size() - 1);
  }

  /** This call, with {@code userId} as its latest agent and the customer when not known yet. */
  HandledCall with(long userId, Long customer) {
    List<Long> more = new ArrayList<>(agents);
    more.remove(Long.valueOf(userId));
    more.add(userId);
    if (more.size() > MAX_AGENTS) {
      more.remove(0);
    }
    return new HandledCall(serverId, linkedId, more, customerId != null ? customerId : customer);
  }
}
