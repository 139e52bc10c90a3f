package io.switchboard.dialer.runner;

import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleMessage;
import io.switchboard.core.dialer.DialerAddresses;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.dialer.lead.LeadAttempt;
import io.switchboard.dialer.pacing.AgentState;
import io.switchboard.dialer.persistence.FiguresRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live figures of every campaign the runner holds ({@link CampaignFigures}): keeps a {@link
 * CampaignTally} per campaign, re-reads the counts of all of them from PostgreSQL every {@link
 * #REFRESH} (two queries, whatever the number of campaigns; a new campaign is read at the next
 * tick, a failed read retried after {@link #RETRY}), publishes {@value
 * DialerAddresses#CAMPAIGNS_UPDATE} to supervisors and admins at most once a second when something
 * changed, and answers {@value DialerAddresses#FIGURES_QUERY}. A campaign appears once its counts
 * were read. Owned by the {@link CampaignRunnerVerticle}'s context; every method runs there.
 */
final class FiguresBoard {

  static final Duration REFRESH = Duration.ofSeconds(30);
  static final Duration RETRY = Duration.ofSeconds(5);
  static final Duration PUSH_INTERVAL = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(FiguresBoard.class);

  private final FiguresRepository repository;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<Long, CampaignTally> tallies = new HashMap<>();
  private Supplier<Collection<CampaignRun>> runs;
  private Vertx vertx;
  private MessageConsumer<JsonObject> queries;
  private boolean reading;
  private Instant nextRead = Instant.MIN;
  private Instant lastPush = Instant.MIN;
  private JsonArray lastPushed;

  FiguresBoard(FiguresRepository repository, Clock clock, ZoneId zone) {
    this.repository = repository;
    this.clock = clock;
    this.zone = zone;
  }

  /** Starts answering queries; {@code owner} supplies the runner's campaigns. */
  Future<Void> attach(Vertx owner, Supplier<Collection<CampaignRun>> campaigns) {
    this.vertx = owner;
    this.runs = campaigns;
    queries = owner.eventBus().consumer(DialerAddresses.FIGURES_QUERY, this::answer);
    return queries.completion();
  }

  Future<Void> detach() {
    MessageConsumer<JsonObject> registered = queries;
    queries = null;
    return registered == null ? Future.succeededFuture() : registered.unregister();
  }

  /** An attempt the runner recorded. */
  void recorded(LeadAttempt attempt) {
    CampaignTally tally = tallies.get(attempt.campaignId());
    if (tally != null) {
      tally.recorded(attempt);
    }
  }

  /** After each runner tick: follows the campaigns, re-reads when due, pushes when changed. */
  void tick() {
    Instant now = clock.instant();
    Map<Long, CampaignRun> current = new HashMap<>();
    runs.get().forEach(run -> current.put(run.campaignId, run));
    tallies.keySet().retainAll(current.keySet());
    boolean unread = false;
    for (Long id : current.keySet()) {
      unread |= !tallies.computeIfAbsent(id, created -> new CampaignTally(zone)).loaded();
    }
    if (!reading && !tallies.isEmpty() && (unread || !now.isBefore(nextRead))) {
      read(now);
    }
    if (Duration.between(lastPush, now).compareTo(PUSH_INTERVAL) >= 0) {
      JsonArray campaigns = figures(current.values(), now);
      if (!campaigns.equals(lastPushed)) {
        lastPushed = campaigns;
        lastPush = now;
        publish(new JsonObject().put("at", now.toString()).put("campaigns", campaigns));
      }
    }
  }

  private void read(Instant now) {
    reading = true;
    List<Long> ids = List.copyOf(tallies.keySet());
    repository
        .read(ids, now, zone)
        .onComplete(
            read -> {
              reading = false;
              if (read.failed()) {
                nextRead = clock.instant().plus(RETRY);
                LOG.warn("Campaign figures not read: {}", read.cause().getMessage());
                return;
              }
              nextRead = now.plus(REFRESH);
              read.result()
                  .forEach(
                      (id, stored) -> {
                        CampaignTally tally = tallies.get(id);
                        if (tally != null) {
                          tally.loaded(stored);
                        }
                      });
            });
  }

  private JsonArray figures(Collection<CampaignRun> current, Instant now) {
    JsonArray campaigns = new JsonArray();
    current.stream()
        .sorted((a, b) -> Long.compare(a.campaignId, b.campaignId))
        .map(run -> of(run, now))
        .filter(figures -> figures != null)
        .forEach(figures -> campaigns.add(figures.toJson()));
    return campaigns;
  }

  private CampaignFigures of(CampaignRun run, Instant now) {
    CampaignTally tally = tallies.get(run.campaignId);
    if (tally == null || !tally.loaded()) {
      return null;
    }
    return CampaignFigures.of(
        run.campaign,
        true,
        tally.today(now),
        tally.last24Hours(),
        tally.last30Days(),
        run.calls.size(),
        new CampaignFigures.AgentCounts(
            run.tracker.agentsIn(AgentState.READY),
            run.tracker.agentsIn(AgentState.IN_CALL),
            run.tracker.agentsIn(AgentState.WRAP_UP),
            run.tracker.agentsIn(AgentState.PAUSED)),
        tally.leadsLeft());
  }

  private void publish(JsonObject data) {
    JsonObject message = new ConsoleMessage(DialerAddresses.CAMPAIGNS_UPDATE, data).toJson();
    vertx
        .eventBus()
        .publish(ConsoleAddresses.toRole(ConsoleAddresses.ROLE_SUPERVISOR), message)
        .publish(ConsoleAddresses.toRole(ConsoleAddresses.ROLE_ADMIN), message);
  }

  private void answer(Message<JsonObject> message) {
    Instant now = clock.instant();
    JsonObject body = message.body() == null ? new JsonObject() : message.body();
    Object id = body.getValue("campaignId");
    if (id == null) {
      message.reply(
          new JsonObject().put("at", now.toString()).put("campaigns", figures(runs.get(), now)));
      return;
    }
    CampaignRun run =
        runs.get().stream()
            .filter(candidate -> id instanceof Number n && candidate.campaignId == n.longValue())
            .findFirst()
            .orElse(null);
    CampaignFigures figures = run == null ? null : of(run, now);
    if (figures == null) {
      message.fail(ErrorCode.NOT_FOUND.busFailureCode(), "the runner does not run campaign " + id);
    } else {
      message.reply(figures.toJson());
    }
  }
}
