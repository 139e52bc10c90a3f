package io.switchboard.dialer.runner;

import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.CampaignStatus;
import io.switchboard.dialer.campaign.StatusChange;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinishedAttempt;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.switchboard.dialer.persistence.LeadSelectionRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials every running campaign (one instance per cluster): each tick it asks each campaign's {@link
 * io.switchboard.dialer.pacing.PacingPolicy} how many calls to start, picks that many leads
 * (next-leads query, compliance checked) and sends an async Originate for each through the AMI
 * bridge; it translates the bridge's {@code call.*} events and agent-ws's agent states into pacing
 * events, abandons live calls no agent took within the grace (Redirect to the abandon context), and
 * records every attempt's outcome, after which the lead's next attempt or final state follows the
 * campaign's retry rules. A campaign with no lead left is finished. All state is owned by this
 * verticle's context; nothing blocks (PostgreSQL and the event bus are asynchronous).
 */
public final class CampaignRunnerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignRunnerVerticle.class);

  /** Running campaigns read per tick (the most the runner dials at once). */
  static final int MAX_CAMPAIGNS = 500;

  static final String AGENT_STATE_CHANGED = "agent.state.changed";
  static final String AGENT_STATE_QUERY = "agent.state.query";

  /** Slightly more than the AMI bridge's own action timeout. */
  private static final long ACTION_TIMEOUT_MS = 15_000;

  private final RunnerSettings settings;
  private final DialerRepositories repositories;
  private final Clock clock;
  private final AgentRoster roster;
  private final Map<Long, CampaignRun> runs = new HashMap<>();
  private final Map<String, CampaignRun> byOriginateId = new HashMap<>();
  private final Set<Long> refused = new HashSet<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private long timer = -1;
  private boolean refreshing;

  public CampaignRunnerVerticle(
      RunnerSettings settings, DialerRepositories repositories, Clock clock) {
    this.settings = settings;
    this.repositories = repositories;
    this.clock = clock;
    this.roster = new AgentRoster(settings.maxAgents());
  }

  @Override
  public Future<?> start() {
    listen(CallAddresses.CALL_CREATED, CallCreated::fromJson, this::created);
    listen(CallAddresses.CALL_ANSWERED, CallAnswered::fromJson, this::answered);
    listen(CallAddresses.CALL_QUEUED, CallQueued::fromJson, this::queued);
    listen(CallAddresses.CALL_ENDED, CallEnded::fromJson, this::ended);
    consumers.add(
        vertx
            .eventBus()
            .<JsonObject>consumer(
                ConsoleAddresses.toRole(ConsoleAddresses.ROLE_SUPERVISOR),
                message -> {
                  JsonObject body = message.body();
                  if (body != null && AGENT_STATE_CHANGED.equals(body.getString("type"))) {
                    agentChanged(body.getJsonObject("data", new JsonObject()));
                  }
                }));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList())
        .onSuccess(
            registered -> {
              queryAgents();
              timer = vertx.setPeriodic(settings.tick().toMillis(), tick -> tick());
            });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
  }

  private <T> void listen(String address, Function<JsonObject, T> parse, Consumer<T> handler) {
    consumers.add(
        vertx
            .eventBus()
            .<JsonObject>consumer(
                address,
                message -> {
                  String originateId = message.body().getString("originateId");
                  if (originateId != null && byOriginateId.containsKey(originateId)) {
                    handler.accept(parse.apply(message.body()));
                  }
                }));
  }

  // --- agents -----------------------------------------------------------------------------

  /** Asks agent-ws for every logged-in agent; without agent-ws the runner hears only changes. */
  private void queryAgents() {
    vertx
        .eventBus()
        .<JsonObject>request(
            AGENT_STATE_QUERY, new JsonObject(), new DeliveryOptions().setSendTimeout(5_000))
        .onSuccess(
            reply -> {
              JsonArray agents = reply.body().getJsonArray("agents", new JsonArray());
              for (int i = 0; i < agents.size(); i++) {
                agentChanged(agents.getJsonObject(i));
              }
            })
        .onFailure(
            failure -> LOG.warn("No agent states from agent-ws yet: {}", failure.getMessage()));
  }

  private void agentChanged(JsonObject state) {
    AgentRoster.Agent[] change = roster.apply(state);
    if (change == null) {
      return;
    }
    Instant now = clock.instant();
    for (CampaignRun run : runs.values()) {
      String queue = run.queue();
      boolean was = change[0] != null && change[0].serves(queue);
      if (change[1].serves(queue)) {
        run.feed(
            new PacingEvent.AgentStateChanged(
                Long.toString(change[1].userId()), change[1].state(), now));
      } else if (was) {
        run.feed(
            new PacingEvent.AgentStateChanged(
                Long.toString(change[1].userId()),
                io.switchboard.dialer.pacing.AgentState.LOGGED_OUT,
                now));
      }
    }
  }

  // --- ticks ------------------------------------------------------------------------------

  private void tick() {
    if (refreshing) {
      return;
    }
    refreshing = true;
    repositories
        .campaigns()
        .list(CampaignStatus.RUNNING, 0, MAX_CAMPAIGNS)
        .onComplete(
            listed -> {
              refreshing = false;
              if (listed.failed()) {
                LOG.warn("Running campaigns not read: {}", listed.cause().getMessage());
                return;
              }
              Set<Long> running = new HashSet<>();
              for (Campaign campaign : listed.result().items()) {
                running.add(campaign.id());
                CampaignRun run = runs.get(campaign.id());
                if (run == null) {
                  run = open(campaign);
                }
                if (run != null) {
                  run.campaign = campaign;
                  pace(run);
                }
              }
              runs.values().removeIf(run -> !running.contains(run.campaignId) && idle(run));
              refused.retainAll(running);
            });
  }

  private boolean idle(CampaignRun run) {
    expireLostCalls(run);
    return run.calls.isEmpty() && !run.busy;
  }

  private CampaignRun open(Campaign campaign) {
    if (refused.contains(campaign.id())) {
      return null;
    }
    try {
      CampaignRun run = CampaignRun.start(campaign, settings.grace());
      runs.put(campaign.id(), run);
      Instant now = clock.instant();
      for (AgentRoster.Agent agent : roster.servingQueue(run.queue())) {
        run.feed(
            new PacingEvent.AgentStateChanged(Long.toString(agent.userId()), agent.state(), now));
      }
      LOG.info(
          "Dialing campaign {} ({}, {}) for queue {}",
          campaign.id(),
          campaign.settings().name(),
          run.policy.name(),
          run.queue());
      return run;
    } catch (RuntimeException cannot) {
      refused.add(campaign.id());
      LOG.error(
          "Campaign {} is running but is not dialled: {}", campaign.id(), cannot.getMessage());
      return null;
    }
  }

  private void pace(CampaignRun run) {
    expireLostCalls(run);
    if (run.busy) {
      return;
    }
    Instant now = clock.instant();
    int wanted = run.policy.callsToStart(run.tracker, now);
    int room = settings.maxCallsPerCampaign() - run.calls.size();
    int count = Math.min(Math.min(wanted, room), LeadSelectionRepository.MAX_BATCH);
    if (count <= 0) {
      if (run.nothingDue && run.calls.isEmpty()) {
        finishIfExhausted(run);
      }
      return;
    }
    run.busy = true;
    repositories
        .selection()
        .next(run.campaignId, count)
        .onComplete(
            picked -> {
              run.busy = false;
              if (picked.failed()) {
                LOG.warn(
                    "No leads picked for campaign {}: {}",
                    run.campaignId,
                    picked.cause().getMessage());
                return;
              }
              List<Lead> leads = picked.result().leads();
              run.nothingDue = leads.isEmpty();
              leads.forEach(lead -> originate(run, lead));
              if (run.nothingDue && run.calls.isEmpty()) {
                finishIfExhausted(run);
              }
            });
  }

  private void finishIfExhausted(CampaignRun run) {
    run.busy = true;
    repositories
        .selection()
        .remaining(run.campaignId)
        .compose(
            left ->
                left > 0
                    ? Future.succeededFuture(false)
                    : repositories
                        .campaigns()
                        .changeStatus(run.campaignId, StatusChange.FINISH, null)
                        .map(true))
        .onComplete(
            done -> {
              run.busy = false;
              if (done.failed()) {
                LOG.warn("Campaign {} not finished: {}", run.campaignId, done.cause().getMessage());
              } else if (done.result()) {
                LOG.info("Campaign {} finished: every lead is done", run.campaignId);
                runs.remove(run.campaignId);
              }
            });
  }

  // --- dialing ----------------------------------------------------------------------------

  private void originate(CampaignRun run, Lead lead) {
    Instant now = clock.instant();
    DialAttempt attempt = new DialAttempt(lead, DialAttempt.originateId(lead), now);
    run.calls.put(attempt.originateId, attempt);
    byOriginateId.put(attempt.originateId, run);
    run.feed(new PacingEvent.CallOriginated(attempt.originateId, now));
    vertx
        .eventBus()
        .<JsonObject>request(
            AmiActionAddresses.ORIGINATE,
            OriginateRequests.originate(settings, run.campaign, lead, attempt.originateId),
            new DeliveryOptions().setSendTimeout(ACTION_TIMEOUT_MS))
        .onFailure(
            failure ->
                finish(
                    run,
                    attempt,
                    AttemptOutcome.FAILED,
                    null,
                    "originate refused: " + failure.getMessage()));
  }

  private void created(CallCreated event) {
    CampaignRun run = byOriginateId.get(event.originateId());
    DialAttempt attempt = run.calls.get(event.originateId());
    if (attempt.channel == null) {
      attempt.channel = event.channel();
      run.feed(new PacingEvent.CallRinging(attempt.originateId, clock.instant()));
    }
  }

  private void answered(CallAnswered event) {
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
    String agent =
        attempt.agentUserId == null
            ? String.valueOf(event.agentInterface())
            : Long.toString(attempt.agentUserId);
    run.feed(new PacingEvent.CallBridged(attempt.originateId, agent, now));
  }

  private void queued(CallQueued event) {
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
  }

  /** The grace ran out with no agent: the call is abandoned and hears the abandon message. */
  private void abandon(CampaignRun run, DialAttempt attempt) {
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

  private void ended(CallEnded event) {
    CampaignRun run = byOriginateId.get(event.originateId());
    DialAttempt attempt = run.calls.get(event.originateId());
    AttemptOutcome outcome = CallOutcomes.attemptOutcome(attempt, event);
    finish(run, attempt, outcome, event, CallOutcomes.reason(event));
  }

  /** A dial with no call event long after its ring limit: the PBX lost it. */
  private void expireLostCalls(CampaignRun run) {
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
    boolean reached =
        outcome == AttemptOutcome.ANSWERED
            || outcome == AttemptOutcome.ABANDONED
            || outcome == AttemptOutcome.MACHINE;
    FinishedAttempt finished =
        new FinishedAttempt(
            attempt.lead.id(),
            attempt.startedAt,
            reached && attempt.answeredAt == null ? now : attempt.answeredAt,
            attempt.abandonedAt,
            now,
            outcome,
            event == null ? null : CallOutcomes.amdVerdict(event),
            reason,
            attempt.agentUserId,
            attempt.originateId);
    repositories
        .attempts()
        .record(finished)
        .onFailure(
            failure ->
                LOG.error(
                    "Attempt {} of lead {} ({}) not recorded; the lead stays reserved: {}",
                    attempt.originateId,
                    attempt.lead.id(),
                    outcome.wireName(),
                    failure.getMessage()));
  }
}
