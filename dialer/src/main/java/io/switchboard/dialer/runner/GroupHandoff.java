package io.switchboard.dialer.runner;

import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.dialer.pacing.AgentState;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.persistence.AgentGroupRepository;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the answered calls of agent-group campaigns to agents. The call waits in the holding queue
 * ({@link RunnerSettings#groupQueue}); within the grace the group's ready member idle longest who
 * is not reserved for another call ({@link GroupMemberChoice}) is reserved and the callee's channel
 * is redirected to that agent's extension in {@link RunnerSettings#agentContext}, where the
 * dialplan rings the agent's phone. The bridge's {@code call.answered} naming the agent's phone
 * makes it {@code CallBridged} ({@link DialTracker}); a call no member took within the grace is
 * abandoned the usual way. Also keeps each group campaign's members (read from PostgreSQL every
 * {@link #MEMBERS_REFRESH}) and feeds their agents' states to its pacer. Owned by the {@link
 * CampaignRunnerVerticle}'s context; every method runs there. Bounded: the waiting calls are calls
 * under way, the reservations one per agent, the members at most a group's.
 */
final class GroupHandoff {

  private static final Logger LOG = LoggerFactory.getLogger(GroupHandoff.class);

  /** How often a group campaign's members are read again (a membership change shows this late). */
  static final Duration MEMBERS_REFRESH = Duration.ofSeconds(5);

  private static final long ACTION_TIMEOUT_MS = 15_000;

  private final RunnerSettings settings;
  private final AgentGroupRepository groups;
  private final Clock clock;
  private final AgentRoster roster;
  private final Map<Long, CampaignRun> runs;
  private final Map<Long, ArrayDeque<DialAttempt>> waiting = new HashMap<>();
  private final Map<Long, String> reserved = new HashMap<>();
  private final Map<Long, Instant> readySince = new HashMap<>();
  private final Map<Long, Instant> membersReadAt = new HashMap<>();
  private final Set<Long> reading = new HashSet<>();
  private Vertx vertx;
  private DialTracker dials;

  GroupHandoff(
      RunnerSettings settings,
      AgentGroupRepository groups,
      Clock clock,
      AgentRoster roster,
      Map<Long, CampaignRun> runs) {
    this.settings = settings;
    this.groups = groups;
    this.clock = clock;
    this.roster = roster;
    this.runs = runs;
  }

  void attach(Vertx owner, DialTracker tracker) {
    this.vertx = owner;
    this.dials = tracker;
  }

  // --- members ----------------------------------------------------------------------------

  /** Reads the group's members again when due, and feeds joiners' and leavers' states. */
  void refresh(CampaignRun run) {
    Instant now = clock.instant();
    Instant last = membersReadAt.get(run.campaignId);
    if (!run.forAgentGroup()
        || reading.contains(run.campaignId)
        || (last != null && now.isBefore(last.plus(MEMBERS_REFRESH)))) {
      return;
    }
    reading.add(run.campaignId);
    groups
        .members(run.queue())
        .onComplete(
            read -> {
              reading.remove(run.campaignId);
              membersReadAt.put(run.campaignId, clock.instant());
              if (read.failed()) {
                LOG.warn(
                    "Members of agent group {} not read: {}",
                    run.queue(),
                    read.cause().getMessage());
                return;
              }
              members(run, read.result());
            });
  }

  private void members(CampaignRun run, Set<Long> now) {
    Set<Long> before = run.members;
    run.members = now;
    Instant at = clock.instant();
    for (AgentRoster.Agent agent : roster.matching(agent -> true)) {
      boolean was = before.contains(agent.userId());
      boolean is = now.contains(agent.userId());
      if (is && !was) {
        run.feed(new PacingEvent.AgentStateChanged(id(agent), stateOf(agent), at));
      } else if (was && !is) {
        run.feed(new PacingEvent.AgentStateChanged(id(agent), AgentState.LOGGED_OUT, at));
      }
    }
    offer(run);
  }

  // --- agents -----------------------------------------------------------------------------

  /** An agent's state changed (after the roster applied it): a ready member may take a call. */
  void agentChanged(AgentRoster.Agent after, JsonObject state) {
    if (after.state() == AgentState.READY) {
      readySince.put(after.userId(), since(state));
    } else {
      readySince.remove(after.userId());
    }
    if (after.state() == AgentState.LOGGED_OUT) {
      readySince.remove(after.userId());
    }
    if (after.state() == AgentState.READY) {
      for (CampaignRun run : runs.values()) {
        if (run.forAgentGroup() && run.members.contains(after.userId())) {
          offer(run);
        }
      }
    }
  }

  // --- calls ------------------------------------------------------------------------------

  /** A group campaign's call is in the holding queue and is a person: give it to a member. */
  void queued(CampaignRun run, DialAttempt attempt) {
    waiting.computeIfAbsent(run.campaignId, id -> new ArrayDeque<>()).add(attempt);
    offer(run);
  }

  /** The dial is over: its member (if any) is free for the next call, and it waits no more. */
  void finished(CampaignRun run, DialAttempt attempt) {
    ArrayDeque<DialAttempt> queue = waiting.get(run.campaignId);
    if (queue != null) {
      queue.remove(attempt);
      if (queue.isEmpty()) {
        waiting.remove(run.campaignId);
      }
    }
    Long member = attempt.handoffUserId;
    if (member != null && attempt.originateId.equals(reserved.get(member))) {
      reserved.remove(member);
      AgentRoster.Agent agent = roster.agent(member);
      if (agent != null) {
        feedEveryRun(agent.userId(), stateOf(agent));
      }
    }
  }

  /** Hands the campaign's waiting calls, oldest first, to its free members while there are any. */
  private void offer(CampaignRun run) {
    ArrayDeque<DialAttempt> queue = waiting.get(run.campaignId);
    while (queue != null && !queue.isEmpty()) {
      DialAttempt attempt = queue.peek();
      if (attempt.ended || attempt.abandonedAt != null || attempt.handoffUserId != null) {
        queue.poll();
        continue;
      }
      Optional<GroupMemberChoice.Candidate> member =
          GroupMemberChoice.choose(candidates(run), run.members, reserved.keySet());
      if (member.isEmpty()) {
        return;
      }
      queue.poll();
      handOff(run, attempt, member.get());
    }
    if (queue != null) {
      waiting.remove(run.campaignId);
    }
  }

  private List<GroupMemberChoice.Candidate> candidates(CampaignRun run) {
    List<GroupMemberChoice.Candidate> candidates = new ArrayList<>();
    for (Long userId : run.members) {
      AgentRoster.Agent agent = roster.agent(userId);
      if (agent != null) {
        candidates.add(
            new GroupMemberChoice.Candidate(
                userId, agent.state(), readySince.get(userId), agent.agentInterface()));
      }
    }
    return candidates;
  }

  private void handOff(CampaignRun run, DialAttempt attempt, GroupMemberChoice.Candidate member) {
    // The grace runs on until the agent answers (DialTracker.answered stops it): a person who waits
    // longer than the grace for a live agent is abandoned, also while the agent's phone rings.
    attempt.handoffUserId = member.userId();
    reserved.put(member.userId(), attempt.originateId);
    readySince.remove(member.userId());
    // The agent's phone rings now; agent-ws sees the call only once it is answered.
    feedEveryRun(member.userId(), AgentState.IN_CALL);
    JsonObject redirect =
        new JsonObject()
            .put(AmiActionFields.CHANNEL, attempt.channel)
            .put(AmiActionFields.CONTEXT, settings.agentContext())
            .put(AmiActionFields.EXTEN, GroupMemberChoice.extensionOf(member.agentInterface()))
            .put(AmiActionFields.PRIORITY, 1);
    if (settings.server() != null) {
      redirect.put(AmiActionFields.SERVER, settings.server());
    }
    vertx
        .eventBus()
        .request(
            AmiActionAddresses.REDIRECT,
            redirect,
            new DeliveryOptions().setSendTimeout(ACTION_TIMEOUT_MS))
        .onFailure(
            failure -> {
              LOG.warn(
                  "Call {} of campaign {} not redirected to agent {}; abandoned: {}",
                  attempt.originateId,
                  run.campaignId,
                  member.userId(),
                  failure.getMessage());
              finished(run, attempt);
              dials.abandon(run, attempt);
            });
  }

  private void feedEveryRun(long userId, AgentState state) {
    AgentRoster.Agent agent = roster.agent(userId);
    Instant now = clock.instant();
    for (CampaignRun run : runs.values()) {
      if (agent != null && run.serves(agent)) {
        run.feed(new PacingEvent.AgentStateChanged(Long.toString(userId), state, now));
      }
    }
  }

  /** The agent's state for pacing: in a call while reserved for one of the runner's calls. */
  private AgentState stateOf(AgentRoster.Agent agent) {
    return reserved.containsKey(agent.userId()) ? AgentState.IN_CALL : agent.state();
  }

  private Instant since(JsonObject state) {
    String since = state.getString("since");
    if (since != null) {
      try {
        return Instant.parse(since);
      } catch (DateTimeParseException ignored) {
        // agent-ws always sends ISO-8601; fall back to when the runner heard it
      }
    }
    return clock.instant();
  }

  private static String id(AgentRoster.Agent agent) {
    return Long.toString(agent.userId());
  }
}
