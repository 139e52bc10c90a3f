package io.switchboard.dialer.runner;

import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignMode;
import io.switchboard.dialer.campaign.CampaignStatus;
import io.switchboard.dialer.campaign.StatusChange;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.pacing.PacingEvent;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.switchboard.dialer.persistence.LeadSelectionRepository;
import io.switchboard.dialer.persistence.RunnerLeaseRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
 * Dials every running campaign while it leads (one runner per cluster, kept so by {@link
 * RunnerLease}; a node that does not hold the lease stands by and dials nothing): each tick it asks
 * each campaign's {@link io.switchboard.dialer.pacing.PacingPolicy} how many calls to start, picks
 * that many leads (next-leads query, compliance checked) and sends an async Originate for each
 * through the AMI bridge; it translates the bridge's {@code call.*} events and agent-ws's agent
 * states into pacing events, abandons live calls no agent took within the grace (Redirect to the
 * abandon context), and records every attempt's outcome, after which the lead's next attempt or
 * final state follows the campaign's retry rules. A campaign with no lead left is finished. All
 * state is owned by this verticle's context; nothing blocks (PostgreSQL and the event bus are
 * asynchronous).
 */
public final class CampaignRunnerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignRunnerVerticle.class);

  /** Running campaigns read per tick (the most the runner dials at once). */
  static final int MAX_CAMPAIGNS = 500;

  static final String AGENT_STATE_CHANGED = "agent.state.changed";
  static final String AGENT_STATE_QUERY = "agent.state.query";

  private final RunnerSettings settings;
  private final DialerRepositories repositories;
  private final Clock clock;
  private final AgentRoster roster;
  private final Map<Long, CampaignRun> runs = new HashMap<>();
  private final DialTracker dials;
  private final PreviewDialer previews;
  private final PreviewCommands previewCommands;
  private final FiguresBoard figures;
  private final GroupHandoff groups;
  private final Set<Long> refused = new HashSet<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final RunnerLease lease;
  private MessageConsumer<JsonObject> commands;
  private long timer = -1;
  private boolean refreshing;

  public CampaignRunnerVerticle(
      RunnerSettings settings,
      DialerRepositories repositories,
      RunnerLeaseRepository lease,
      Clock clock) {
    this.settings = settings;
    this.repositories = repositories;
    this.clock = clock;
    this.roster = new AgentRoster(settings.maxAgents());
    this.dials = new DialTracker(settings, repositories, clock, roster);
    this.previews = new PreviewDialer(settings, repositories, clock, this::finishIfExhausted);
    this.previewCommands =
        new PreviewCommands(settings, repositories, clock, previews, dials, runs);
    this.figures = new FiguresBoard(repositories.figures(), clock, ZoneId.systemDefault());
    dials.onRecorded(figures::recorded);
    this.groups = new GroupHandoff(settings, repositories.groups(), clock, roster, runs);
    this.lease = new RunnerLease(lease, settings.leaseRetry(), this::lead, this::standBy);
  }

  /**
   * Follows call events and agent states at once; dials only once it leads (the lease taken, the
   * reclaim done). Standing by, the deployment completes at once.
   */
  @Override
  public Future<?> start() {
    dials.attach(vertx);
    groups.attach(vertx, dials);
    dials.handOffGroupsTo(groups);
    previews.attach(vertx);
    listen(CallAddresses.CALL_CREATED, CallCreated::fromJson, dials::created);
    listen(CallAddresses.CALL_ANSWERED, CallAnswered::fromJson, dials::answered);
    listen(CallAddresses.CALL_QUEUED, CallQueued::fromJson, dials::queued);
    listen(CallAddresses.CALL_ENDED, CallEnded::fromJson, dials::ended);
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
        .compose(registered -> lease.start(vertx))
        .onSuccess(first -> timer = vertx.setPeriodic(settings.tick().toMillis(), tick -> tick()));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
        .compose(unregistered -> stopAnswering())
        .eventually(() -> lease.stop());
  }

  /**
   * The lease is taken: leads a previous runner left dialing are given back (not this runner's own
   * calls under way), then the runner answers figures queries and preview commands and dials.
   */
  private Future<?> lead() {
    return new LeadReclaim(repositories, clock, dials::follows)
        .run()
        .compose(reclaimed -> figures.attach(vertx, runs::values))
        .compose(
            attached -> {
              commands =
                  vertx.eventBus().consumer(PreviewCommands.ADDRESS, previewCommands::handle);
              return commands.completion();
            })
        .onSuccess(registered -> queryAgents());
  }

  /**
   * Not leading (the lease lost): no figures queries nor preview commands answered (the leader
   * answers them), shown preview offers withdrawn; calls under way are still followed.
   */
  private Future<Void> standBy() {
    previews.tick(runs, Set.of());
    return stopAnswering();
  }

  /** Figures queries and preview commands are the leader's to answer. */
  private Future<Void> stopAnswering() {
    MessageConsumer<JsonObject> registered = commands;
    commands = null;
    return Future.all(
            figures.detach(),
            registered == null ? Future.succeededFuture() : registered.unregister())
        .mapEmpty();
  }

  private <T> void listen(String address, Function<JsonObject, T> parse, Consumer<T> handler) {
    consumers.add(
        vertx
            .eventBus()
            .<JsonObject>consumer(
                address,
                message -> {
                  String originateId = message.body().getString("originateId");
                  if (dials.follows(originateId)) {
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
    previews.agentChanged(state);
    AgentRoster.Agent[] change = roster.apply(state);
    if (change == null) {
      return;
    }
    Instant now = clock.instant();
    for (CampaignRun run : runs.values()) {
      boolean was = run.serves(change[0]);
      if (run.serves(change[1])) {
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
    groups.agentChanged(change[1], state);
  }

  // --- ticks ------------------------------------------------------------------------------

  private void tick() {
    if (!lease.leads()) {
      // Standing by, or lost the lease: only the calls this runner started are followed.
      runs.values().removeIf(this::idle);
      return;
    }
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
              if (!lease.leads()) {
                return;
              }
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
                  groups.refresh(run);
                  if (run.mode() == CampaignMode.PREVIEW) {
                    dials.expireLostCalls(run);
                    previews.pace(run);
                  } else {
                    pace(run);
                  }
                }
              }
              previews.tick(runs, running);
              runs.values().removeIf(run -> !running.contains(run.campaignId) && idle(run));
              refused.retainAll(running);
              figures.tick();
            });
  }

  private boolean idle(CampaignRun run) {
    dials.expireLostCalls(run);
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
      for (AgentRoster.Agent agent : roster.matching(run::serves)) {
        run.feed(
            new PacingEvent.AgentStateChanged(Long.toString(agent.userId()), agent.state(), now));
      }
      LOG.info(
          "Dialing campaign {} ({}, {}) for {} {}",
          campaign.id(),
          campaign.settings().name(),
          run.mode() == CampaignMode.PREVIEW ? "preview" : run.policy.name(),
          run.forAgentGroup() ? "agent group" : "queue",
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
    dials.expireLostCalls(run);
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
              if (!lease.leads()) {
                // The lease was lost while they were picked: no new dial starts.
                leads.forEach(lead -> repositories.selection().release(lead.id()));
                return;
              }
              run.nothingDue = leads.isEmpty();
              leads.forEach(lead -> dials.originate(run, lead));
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
}
