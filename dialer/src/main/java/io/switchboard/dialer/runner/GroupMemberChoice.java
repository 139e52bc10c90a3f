package io.switchboard.dialer.runner;

import io.switchboard.dialer.pacing.AgentState;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which agent of a group takes an answered call: the member who is ready, not reserved for another
 * call, and has a phone extension to ring, idle longest (ready since the earliest; the lower user
 * id on a tie). Pure.
 */
final class GroupMemberChoice {

  /** One logged-in agent as the choice sees it. */
  record Candidate(long userId, AgentState state, Instant readySince, String agentInterface) {}

  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_.*#+-]{1,80}");

  private GroupMemberChoice() {}

  static Optional<Candidate> choose(
      Collection<Candidate> agents, Set<Long> members, Set<Long> reserved) {
    return agents.stream()
        .filter(agent -> agent.state() == AgentState.READY)
        .filter(agent -> members.contains(agent.userId()))
        .filter(agent -> !reserved.contains(agent.userId()))
        .filter(agent -> extensionOf(agent.agentInterface()) != null)
        .min(
            Comparator.comparing(
                    Candidate::readySince, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Candidate::userId));
  }

  /**
   * The extension of an agent's phone in the dial context: the resource of its interface up to any
   * {@code @} or {@code /} ({@code PJSIP/1001} and {@code Local/1001@agents/n} are 1001), or null.
   * The same rule as agent-ws's transfers to an agent ({@code CallAmiRequests.extensionOf}), which
   * the dialer cannot import.
   */
  static String extensionOf(String agentInterface) {
    if (agentInterface == null) {
      return null;
    }
    int slash = agentInterface.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String resource = agentInterface.substring(slash + 1);
    int end = resource.length();
    for (int i = 0; i < resource.length(); i++) {
      char c = resource.charAt(i);
      if (c == '@' || c == '/') {
        end = i;
        break;
      }
    }
    String extension = resource.substring(0, end);
    return EXTENSION.matcher(extension).matches() ? extension : null;
  }
}
