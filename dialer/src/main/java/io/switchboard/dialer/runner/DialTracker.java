package io.switchboard.dialer.runner;

import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.call.OriginateIds;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinishedAttempt;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadAttempt;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dials under way of every campaign the runner dials: sends each Originate, follows its call
 * through the bridge's {@code call.*} events (feeding the campaign's pacer), abandons a live call
 * no agent took within the grace (Redirect to the abandon context), and records the attempt when
 * the call is over. Its index by originate id is bounded by the campaigns' call maps. Owned by the
 * {@link CampaignRunnerVerticle}'s context; every method runs there.
 */
final class DialTracker {

  private static final Logger LOG = LoggerFactory.getLogger(DialTracker.class);

  /** Slightly more than the AMI bridge's own action timeout. */
  private static final long ACTION_TIMEOUT_MS = 15_000;

  private final RunnerSettings settings;
  private final DialerRepositories repositories;
  private final Clock clock;
  private final AgentRoster roster;
  private final Map<String, CampaignRun> byOriginateId = new HashMap<>();
  private Consumer<LeadAttempt> onRecorded = attempt -> {};
  private Vertx vertx;
  private GroupHandoff groups;

  DialTracker(
      RunnerSettings settings, DialerRepositories repositories, Clock clock, AgentRoster roster) {
    this.settings = settings;
    this.repositories = repositories;
    this.clock = clock;
    this.roster = roster;
  }

  /** Binds the tracker to the verticle's Vert.x (timers and the event bus) at its start. */
  void attach(Vertx owner) {
    this.vertx = owner;
  }

  /** Who hears of each attempt once it is recorded (the live figures). */
  void onRecorded(Consumer<LeadAttempt> listener) {
    this.onRecorded = listener;
  }

  /** Agent-group campaigns' queued calls go to {@code handoff}, and their ends are told to it. */
  void handOffGroupsTo(GroupHandoff handoff) {
    this.groups = handoff;
  }

  /** Whether a call event with this originate id belongs to a dial under way. */
  boolean follows(String originateId) {
    return originateId != null && byOriginateId.containsKey(originateId);
  }

  void originate(CampaignRun run, Lead lead) {
    String originateId = DialAttempt.originateId(lead);
    originate(
        run, lead, OriginateRequests.originate(settings, run.campaign, lead, originateId), null);
  }

  /**
   * Sends {@code request} (whose originate id is {@link DialAttempt#originateId}) and follows the
   * dial; {@code previewAgent} is the agent who confirmed a preview dial, or null. The future fails
   * when the bridge refused the Originate (the attempt is then recorded failed here).
   */
  Future<Void> originate(CampaignRun run, Lead lead, JsonObject request, Long previewAgent) {
    Instant now = clock.instant();
    DialAttempt attempt = new DialAttempt(lead, DialAttempt.originateId(lead), now);
    attempt.previewAgentUserId = previewAgent;
    run.calls.put(attempt.originateId, attempt);
    byOriginateId.put(attempt.originateId, run);
    run.feed(new PacingEvent.CallOriginated(attempt.originateId, now));
    return vertx
        .eventBus()
        .<JsonObject>request(
            AmiActionAddresses.ORIGINATE,
            request,
            new DeliveryOptions().setSendTimeout(ACTION_TIMEOUT_MS))
        .<Void>mapEmpty()
        .onFailure(
            failure ->
                finish(
                    run,
                    attempt,
                    AttemptOutcome.FAILED,
                    null,
                    "originate refused: " + failure.getMessage()));
  }

  void created(CallCreated event) {
    CampaignRun run = byOriginateId.get(event.originateId());
    DialAttempt attempt = run.calls.get(event.originateId());
    if (attempt.channel == null) {
      attempt.channel = event.channel();
      run.feed(new PacingEvent.CallRinging(attempt.originateId, clock.instant()));
    }
  }

  void answered(CallAnswered event) {
    CampaignRun run = byOriginateId.get(event.originateId());
    DialAttempt attempt = run.calls.get(event.originateId());
    Instant now = clock.instant();
    if (event.agentInterface() == null && event.queue() == null) {
      if (attempt.answeredAt == null) {
        attempt.answeredAt = now;
        run.feed(new PacingEvent.CallAnswered(attempt.originateId, now));
      }
      return;
    }
    if (attempt.abandonedAt != null || attempt.bridgedAt != null) {
      return;
    }
    vertx.cancelTimer(attempt.graceTimer);
    attempt.bridgedAt = now;
    attempt.agentUserId = roster.userOf(event.agentInterface());
    if (attempt.agentUserId == null) {
      // An agent-group call: the member it was redirected to (its phone may not be its interface).
      attempt.agentUserId = attempt.handoffUserId;
    }
    String agent =
        attempt.agentUserId == null
            ? String.valueOf(event.agentInterface())
            : Long.toString(attempt.agentUserId);
    run.feed(new PacingEvent.CallBridged(attempt.originateId, agent, now));
  }

  void queued(CallQueued event) {
    CampaignRun run = byOriginateId.get(event.originateId());
    DialAttempt attempt = run.calls.get(event.originateId());
    if (attempt.queuedAt != null) {
      return;
    }
    Instant now = clock.instant();
    attempt.queuedAt = now;
    if (attempt.answeredAt == null) {
      attempt.answeredAt = now;
      run.feed(new PacingEvent.CallAnswered(attempt.originateId, now));
    }
    if (run.campaign.settings().amdEnabled()) {
      run.feed(new PacingEvent.AmdResult(attempt.originateId, true, now));
    }
    run.feed(new PacingEvent.CallQueued(attempt.originateId, now));
    attempt.graceTimer =
        vertx.setTimer(settings.grace().toMillis(), fired -> abandon(run, attempt));
    if (groups != null && run.forAgentGroup()) {
      groups.queued(run, attempt);
    }
  }

  /** The grace ran out with no agent: the call is abandoned and hears the abandon message. */
  void abandon(CampaignRun run, DialAttempt attempt) {
    if (attempt.ended || attempt.bridgedAt != null) {
      return;
    }
    attempt.abandonedAt = clock.instant();
    // For pacing the call is over: no agent will take it while the message plays.
    endForPacing(run, attempt, AttemptOutcome.ABANDONED, attempt.abandonedAt);
    JsonObject redirect =
        new JsonObject()
            .put(AmiActionFields.CHANNEL, attempt.channel)
            .put(AmiActionFields.CONTEXT, settings.abandonContext())
            .put(AmiActionFields.EXTEN, settings.abandonExten())
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
            failure ->
                LOG.warn(
                    "Abandoned call {} of campaign {} not redirected to the message: {}",
                    attempt.originateId,
                    run.campaignId,
                    failure.getMessage()));
  }

  void ended(CallEnded event) {
    CampaignRun run = byOriginateId.get(event.originateId());
    DialAttempt attempt = run.calls.get(event.originateId());
    AttemptOutcome outcome = CallOutcomes.attemptOutcome(attempt, event);
    finish(run, attempt, outcome, event, CallOutcomes.reason(event));
  }

  /** A dial with no call event long after its ring limit: the PBX lost it. */
  void expireLostCalls(CampaignRun run) {
    Instant now = clock.instant();
    CampaignSettings campaign = run.campaign.settings();
    Instant limit = now.minusSeconds(campaign.ringLimitSeconds()).minus(settings.lostCallTimeout());
    for (DialAttempt attempt : List.copyOf(run.calls.values())) {
      if (attempt.answeredAt == null && attempt.startedAt.isBefore(limit)) {
        finish(run, attempt, AttemptOutcome.FAILED, null, "no call events from the PBX");
      }
    }
  }

  private static void endForPacing(
      CampaignRun run, DialAttempt attempt, AttemptOutcome outcome, Instant at) {
    if (!attempt.pacingEnded) {
      attempt.pacingEnded = true;
      run.feed(
          new PacingEvent.CallEnded(attempt.originateId, CallOutcomes.pacingOutcome(outcome), at));
    }
  }

  private void finish(
      CampaignRun run,
      DialAttempt attempt,
      AttemptOutcome outcome,
      CallEnded event,
      String reason) {
    if (attempt.ended) {
      return;
    }
    attempt.ended = true;
    vertx.cancelTimer(attempt.graceTimer);
    Instant now = clock.instant();
    run.calls.remove(attempt.originateId);
    byOriginateId.remove(attempt.originateId);
    endForPacing(run, attempt, outcome, now);
    if (groups != null && run.forAgentGroup()) {
      groups.finished(run, attempt);
    }
    if (attempt.previewAgentUserId != null && event == null) {
      // Refused, or its events lost: agent-ws, which put the agent on the call, hears no end.
      agentDialFailed(attempt);
    }
    if (attempt.previewAgentUserId != null && attempt.answeredAt == null) {
      releasePreview(attempt, reason);
      return;
    }
    boolean reached =
        outcome == AttemptOutcome.ANSWERED
            || outcome == AttemptOutcome.ABANDONED
            || outcome == AttemptOutcome.MACHINE;
    // A preview dial's own answer was the agent's phone; the lead answered when the bridge says
    // (kept within the attempt's start and end, which the runner's clock gave).
    Instant answered =
        attempt.previewAgentUserId != null
            ? within(reached && event != null ? event.answeredAt() : null, attempt.startedAt, now)
            : attempt.answeredAt;
    FinishedAttempt finished =
        new FinishedAttempt(
            attempt.lead.id(),
            attempt.startedAt,
            reached && answered == null ? now : answered,
            attempt.abandonedAt,
            now,
            outcome,
            event == null ? null : CallOutcomes.amdVerdict(event),
            reason,
            attempt.agentUserId != null ? attempt.agentUserId : attempt.previewAgentUserId,
            attempt.originateId);
    repositories
        .attempts()
        .record(finished)
        .onSuccess(onRecorded::accept)
        .onFailure(
            failure ->
                LOG.error(
                    "Attempt {} of lead {} ({}) not recorded; the lead stays reserved: {}",
                    attempt.originateId,
                    attempt.lead.id(),
                    outcome.wireName(),
                    failure.getMessage()));
  }

  private static Instant within(Instant at, Instant from, Instant to) {
    if (at == null) {
      return null;
    }
    return at.isBefore(from) ? from : at.isAfter(to) ? to : at;
  }

  /**
   * A preview dial whose agent's phone never answered (or that the PBX refused) never reached the
   * lead: no attempt is recorded and the lead is ready again as it was.
   */
  /** Tells agent-ws that a preview dial never reached the agent: back to its state before it. */
  private void agentDialFailed(DialAttempt attempt) {
    long userId = attempt.previewAgentUserId;
    String linkedId = OriginateIds.channelId(attempt.originateId);
    vertx
        .eventBus()
        .request(
            ConsoleAddresses.AGENT_DIAL,
            new JsonObject()
                .put("userId", userId)
                .put("linkedId", linkedId)
                .put("phase", ConsoleAddresses.AGENT_DIAL_FAILED),
            new DeliveryOptions().setSendTimeout(ACTION_TIMEOUT_MS))
        .onFailure(
            failure ->
                LOG.warn(
                    "Agent {} not put back after its preview dial {} ended unseen: {}",
                    userId,
                    linkedId,
                    failure.getMessage()));
  }

  private void releasePreview(DialAttempt attempt, String reason) {
    LOG.info(
        "Preview dial {} did not reach agent {}'s phone ({}); lead {} released",
        attempt.originateId,
        attempt.previewAgentUserId,
        reason,
        attempt.lead.id());
    repositories
        .selection()
        .release(attempt.lead.id())
        .onFailure(
            failure ->
                LOG.error(
                    "Lead {} not released; it stays reserved: {}",
                    attempt.lead.id(),
                    failure.getMessage()));
  }
}
