package io.switchboard.dialer.runner;

import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleCommand;
import io.switchboard.dialer.campaign.CampaignMode;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.switchboard.dialer.persistence.LeadSelectionRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preview mode for the runner: each tick, for every agent of a running preview campaign's queue who
 * is ready (or paused for preview with nothing shown), picks a due lead with the same compliance
 * checked pick as the pacer, has agent-ws pause the agent ({@code agent.pause} with reason {@code
 * preview}, so agent-ws stays the one owner of agent states and the queue does not ring it) and
 * pushes the lead to the agent's console ({@code dialer.preview.offer}). The agent's {@code
 * dialer.preview.*} commands are answered by {@link PreviewCommands}. A shown lead not answered in
 * time is withdrawn and released, and the agent paused with {@code preview-timeout}; an agent who
 * pauses otherwise, goes ready or logs out has its lead withdrawn and released. An agent paused for
 * preview with nothing to show is made ready again. Owned by the {@link CampaignRunnerVerticle}'s
 * context.
 */
final class PreviewDialer {

  private static final Logger LOG = LoggerFactory.getLogger(PreviewDialer.class);

  static final String OFFER = "dialer.preview.offer";
  static final String WITHDRAWN = "dialer.preview.withdrawn";
  static final String AGENT_PAUSE = "agent.pause";
  static final String AGENT_READY = "agent.ready";

  /** agent-ws's agent commands wait for the PBX; a little more than its own request timeout. */
  private static final long AGENT_COMMAND_TIMEOUT_MS = 15_000;

  /** One agent as agent-ws last reported it. */
  record Agent(
      long userId, String state, String reason, String agentInterface, List<String> queues) {

    boolean readyFor(String queue) {
      return queues.contains(queue) && ("ready".equals(state) || previewPaused());
    }

    boolean previewPaused() {
      return "paused".equals(state) && PreviewOffers.PAUSE_REASON.equals(reason);
    }
  }

  private final DialerRepositories repositories;
  private final PreviewOffers offers;
  private final int maxAgents;
  private final Map<Long, Agent> agents = new HashMap<>();
  private final Map<Long, Boolean> readying = new HashMap<>();
  private final Consumer<CampaignRun> finisher;
  private Vertx vertx;

  PreviewDialer(
      RunnerSettings settings,
      DialerRepositories repositories,
      Clock clock,
      Consumer<CampaignRun> finisher) {
    this.repositories = repositories;
    this.offers = new PreviewOffers(clock, settings.previewOfferTimeout(), settings.maxAgents());
    this.maxAgents = settings.maxAgents();
    this.finisher = finisher;
  }

  void attach(Vertx owner) {
    this.vertx = owner;
  }

  PreviewOffers offers() {
    return offers;
  }

  Agent agent(long userId) {
    return agents.get(userId);
  }

  // --- agents -----------------------------------------------------------------------------

  /** An agent state from agent-ws ({@code agent.state.changed} data or a query's answer). */
  void agentChanged(JsonObject state) {
    Long userId = state.getLong("userId");
    String wire = state.getString("state");
    if (userId == null || wire == null) {
      return;
    }
    readying.remove(userId);
    if ("logged_out".equals(wire)) {
      agents.remove(userId);
    } else if (agents.containsKey(userId) || agents.size() < maxAgents) {
      JsonArray queues = state.getJsonArray("queues", new JsonArray());
      agents.put(
          userId,
          new Agent(
              userId,
              wire,
              state.getString("reason"),
              state.getString("interface"),
              queues.stream().map(String::valueOf).toList()));
    }
    PreviewOffers.Offer withdrawn = offers.agentChanged(userId, wire, state.getString("reason"));
    if (withdrawn != null) {
      withdraw(withdrawn, "agent is " + wire, null);
    }
  }

  // --- every tick -------------------------------------------------------------------------

  /**
   * Ends offers whose dial is over, withdraws offers of campaigns no longer running and shown
   * offers whose time ran out.
   */
  void tick(Map<Long, CampaignRun> runs, Set<Long> running) {
    for (PreviewOffers.Offer offer : offers.all()) {
      long userId = offer.agentUserId;
      CampaignRun run = runs.get(offer.campaignId);
      if (offer.phase == PreviewOffers.Phase.DIALING) {
        if (offer.sent && (run == null || !run.calls.containsKey(offer.originateId))) {
          offers.dialOver(userId);
        }
      } else if (offer.phase == PreviewOffers.Phase.OFFERED
          && !running.contains(offer.campaignId)) {
        withdraw(offers.drop(userId), "campaign is not running", null);
      }
    }
    for (PreviewOffers.Offer expired : offers.expire()) {
      withdraw(expired, "not answered in time", PreviewOffers.TIMEOUT_REASON);
    }
    readyWhereNoPreviewDials(runs, running);
  }

  /**
   * Agents the runner left in the preview pause (an offer withdrawn because its campaign stopped,
   * or between two leads) whose queues no running preview campaign dials any more are made ready,
   * so that they take queue calls again.
   */
  private void readyWhereNoPreviewDials(Map<Long, CampaignRun> runs, Set<Long> running) {
    for (Agent agent : List.copyOf(agents.values())) {
      if (agent.previewPaused()
          && offers.of(agent.userId()) == null
          && runs.values().stream()
              .noneMatch(
                  run ->
                      running.contains(run.campaignId)
                          && run.mode() == CampaignMode.PREVIEW
                          && agent.queues().contains(run.queue()))) {
        readyAgain(agent.userId());
      }
    }
  }

  /** Offers a due lead to each free agent of a running preview campaign's queue. */
  void pace(CampaignRun run) {
    if (run.busy) {
      return;
    }
    List<Agent> free = new ArrayList<>();
    for (Agent agent : agents.values()) {
      if (agent.readyFor(run.queue())
          && free.size() < LeadSelectionRepository.MAX_BATCH
          && offers.claim(agent.userId(), agent.agentInterface(), run.campaignId) != null) {
        free.add(agent);
      }
    }
    if (free.isEmpty()) {
      if (run.nothingDue && run.calls.isEmpty() && offers.ofCampaign(run.campaignId).isEmpty()) {
        finisher.accept(run);
      }
      return;
    }
    run.busy = true;
    repositories
        .selection()
        .next(run.campaignId, free.size())
        .onComplete(
            picked -> {
              run.busy = false;
              List<Lead> leads = picked.succeeded() ? picked.result().leads() : List.of();
              if (picked.failed()) {
                LOG.warn(
                    "No preview leads picked for campaign {}: {}",
                    run.campaignId,
                    picked.cause().getMessage());
              } else {
                run.nothingDue = leads.isEmpty();
              }
              for (int i = 0; i < free.size(); i++) {
                Agent agent = free.get(i);
                if (i < leads.size()) {
                  offer(run, agent.userId(), leads.get(i));
                } else {
                  offers.drop(agent.userId());
                  readyAgain(agent.userId());
                }
              }
            });
  }

  private void offer(CampaignRun run, long userId, Lead lead) {
    Agent agent = agents.get(userId);
    if (agent == null || !agent.readyFor(run.queue())) {
      offers.drop(userId);
      release(lead, "agent " + userId + " is no longer free");
      return;
    }
    PreviewOffers.Offer offer = offers.picked(userId, lead, agent.previewPaused());
    if (offer.phase == PreviewOffers.Phase.OFFERED) {
      push(run, offer);
      return;
    }
    agentCommand(userId, AGENT_PAUSE, PreviewOffers.PAUSE_REASON)
        .onComplete(
            paused -> {
              if (paused.succeeded()) {
                PreviewOffers.Offer shown = offers.paused(userId);
                if (shown != null) {
                  push(run, shown);
                }
              } else if (offers.of(userId) == offer) {
                offers.drop(userId);
                release(lead, "agent " + userId + " not paused: " + paused.cause().getMessage());
              }
            });
  }

  private void push(CampaignRun run, PreviewOffers.Offer offer) {
    vertx
        .eventBus()
        .publish(
            ConsoleAddresses.toUser(offer.agentUserId),
            new JsonObject()
                .put("type", OFFER)
                .put("data", PreviewViews.offer(run.campaign, offer)));
  }

  // --- withdrawals ------------------------------------------------------------------------

  /**
   * Tells the agent's console, releases the lead, and pauses the agent with {@code pauseReason}.
   */
  void withdraw(PreviewOffers.Offer offer, String why, String pauseReason) {
    if (offer.lead == null) {
      return;
    }
    LOG.info(
        "Preview lead {} withdrawn from agent {}: {}", offer.lead.id(), offer.agentUserId, why);
    vertx
        .eventBus()
        .publish(
            ConsoleAddresses.toUser(offer.agentUserId),
            new JsonObject()
                .put("type", WITHDRAWN)
                .put(
                    "data",
                    new JsonObject()
                        .put("campaignId", offer.campaignId)
                        .put("leadId", offer.lead.id())
                        .put("reason", why)));
    release(offer.lead, why);
    if (pauseReason != null) {
      agentCommand(offer.agentUserId, AGENT_PAUSE, pauseReason)
          .onFailure(
              failure ->
                  LOG.warn(
                      "Agent {} not paused for {}: {}",
                      offer.agentUserId,
                      pauseReason,
                      failure.getMessage()));
    }
  }

  private void release(Lead lead, String why) {
    repositories
        .selection()
        .release(lead.id())
        .onFailure(
            failure ->
                LOG.error(
                    "Preview lead {} ({}) not released; it stays reserved: {}",
                    lead.id(),
                    why,
                    failure.getMessage()));
  }

  /** An agent left paused for preview with nothing to show is made ready (once per state). */
  private void readyAgain(long userId) {
    Agent agent = agents.get(userId);
    if (agent == null || !agent.previewPaused() || readying.put(userId, true) != null) {
      return;
    }
    agentCommand(userId, AGENT_READY, null)
        .onFailure(
            failure -> {
              readying.remove(userId);
              LOG.warn("Agent {} not made ready: {}", userId, failure.getMessage());
            });
  }

  /**
   * Tells agent-ws's agent-state owner that the agent's phone is about to ring for a preview dial
   * of {@code linkedId} ({@code phase} start: the agent goes on a call, and the PBX stops its
   * queues ringing it) or that the dial never reached it ({@code phase} failed: back to its state
   * before). Fails when agent-ws refuses (the agent may not dial now) or does not answer.
   */
  Future<Void> agentDial(long userId, String linkedId, String phase) {
    return vertx
        .eventBus()
        .request(
            ConsoleAddresses.AGENT_DIAL,
            new JsonObject().put("userId", userId).put("linkedId", linkedId).put("phase", phase),
            new DeliveryOptions().setSendTimeout(AGENT_COMMAND_TIMEOUT_MS))
        .mapEmpty();
  }

  /** Sends an agent command to agent-ws as the agent's own ({@code console.command.agent}). */
  private Future<Void> agentCommand(long userId, String type, String reason) {
    JsonObject data = reason == null ? new JsonObject() : new JsonObject().put("reason", reason);
    ConsoleCommand command = new ConsoleCommand(userId, "dialer", List.of(), type, data);
    return vertx
        .eventBus()
        .request(
            ConsoleAddresses.commandAddress(type),
            command.toJson(),
            new DeliveryOptions().setSendTimeout(AGENT_COMMAND_TIMEOUT_MS))
        .mapEmpty();
  }
}
