package io.switchboard.dialer.group;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named group of agents that a campaign's answered calls may go to instead of a queue: the runner
 * hands each answered call to the group's ready member idle longest. Immutable.
 *
 * @param name the group's name (the campaign's {@code agentGroup}), {@link #NAME} characters
 * @param description free text, at most {@link #MAX_DESCRIPTION} characters
 * @param members the members' user ids, ascending, at most {@link #MAX_MEMBERS}
 */
public record AgentGroup(
    String name, String description, List<Long> members, Instant createdAt, Instant updatedAt) {

  /** The rule of a group name, the same as a campaign's queue and agent group. */
  public static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,79}";

  /** The most members a group has (bounds the PUT body and the runner's member sets). */
  public static final int MAX_MEMBERS = 1_000;

  public static final int MAX_DESCRIPTION = 500;

  public AgentGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    members = List.copyOf(members);
  }
}
