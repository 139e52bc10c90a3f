package io.switchboard.dialer.runner;

import io.switchboard.core.call.OriginateIds;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleCommand;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the console's {@code dialer.*} commands ({@code console.command.dialer}) on the runner's
 * context: {@code dialer.preview.dial {leadId}} dials the lead offered to the sender (its phone
 * first, then the lead), {@code dialer.preview.skip {leadId, reason?}} puts it back for the skip
 * delay with a row in the skip log, {@code dialer.preview.current} tells the sender's shown offer
 * (for a console that reloads). Failures carry an {@link ErrorCode} bus code and a message naming
 * the problem.
 */
final class PreviewCommands {

  private static final Logger LOG = LoggerFactory.getLogger(PreviewCommands.class);

  static final String ADDRESS = ConsoleAddresses.commandAddress("dialer");
  static final String DIAL = "dialer.preview.dial";
  static final String SKIP = "dialer.preview.skip";
  static final String CURRENT = "dialer.preview.current";

  /** Longest skip reason an agent may give. */
  static final int MAX_REASON_LENGTH = 200;

  private final RunnerSettings settings;
  private final DialerRepositories repositories;
  private final Clock clock;
  private final PreviewDialer previews;
  private final DialTracker dials;
  private final Map<Long, CampaignRun> runs;

  PreviewCommands(
      RunnerSettings settings,
      DialerRepositories repositories,
      Clock clock,
      PreviewDialer previews,
      DialTracker dials,
      Map<Long, CampaignRun> runs) {
    this.settings = settings;
    this.repositories = repositories;
    this.clock = clock;
    this.previews = previews;
    this.dials = dials;
    this.runs = runs;
  }

  void handle(Message<JsonObject> message) {
    try {
      ConsoleCommand command = read(message.body());
      execute(command)
          .onSuccess(
              data -> message.reply(new JsonObject().put("type", command.type()).put("data", data)))
          .onFailure(failure -> fail(message, failure));
    } catch (RuntimeException bad) {
      fail(message, bad);
    }
  }

  private static ConsoleCommand read(JsonObject body) {
    try {
      return ConsoleCommand.fromJson(body == null ? new JsonObject() : body);
    } catch (RuntimeException bad) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "not a console command: " + bad.getMessage());
    }
  }

  private Future<JsonObject> execute(ConsoleCommand command) {
    return switch (command.type()) {
      case DIAL -> dial(command.userId(), leadId(command));
      case SKIP -> skip(command.userId(), leadId(command), reason(command));
      case CURRENT -> Future.succeededFuture(current(command.userId()));
      default ->
          throw new SwitchboardException(
              ErrorCode.BAD_REQUEST,
              "unknown dialer command type '"
                  + command.type()
                  + "'; expected "
                  + DIAL
                  + ", "
                  + SKIP
                  + " or "
                  + CURRENT);
    };
  }

  /**
   * Dials the agent's offered lead: agent-ws first makes the agent busy on the call (on_call,
   * outbound, paused in its queues, so wrap-up follows the call as after a click-to-dial), then the
   * Originate goes out. Refused by agent-ws: the offer is withdrawn and its lead released (409).
   */
  private Future<JsonObject> dial(long userId, long leadId) {
    PreviewOffers.Offer shown = previews.offers().of(userId);
    CampaignRun run = shown == null ? null : runs.get(shown.campaignId);
    if (shown != null && shown.lead != null && shown.lead.id() == leadId && run == null) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT, DIAL + ": campaign " + shown.campaignId + " is not dialled any more");
    }
    String originateId =
        shown == null || shown.lead == null ? null : DialAttempt.originateId(shown.lead);
    PreviewOffers.Offer offer = previews.offers().dial(userId, leadId, originateId);
    String linkedId = OriginateIds.channelId(originateId);
    return previews
        .agentDial(userId, linkedId, ConsoleAddresses.AGENT_DIAL_START)
        .recover(
            refused -> {
              // A start that timed out here may still land in agent-ws: told that the dial was
              // given up, it refuses it.
              previews
                  .agentDial(userId, linkedId, ConsoleAddresses.AGENT_DIAL_FAILED)
                  .onFailure(
                      lost ->
                          LOG.warn(
                              "Agent {}: giving up preview dial {} not told: {}",
                              userId,
                              linkedId,
                              lost.getMessage()));
              previews.offers().drop(userId);
              previews.withdraw(offer, "agent may not dial now: " + refused.getMessage(), null);
              return Future.failedFuture(
                  new SwitchboardException(
                      ErrorCode.CONFLICT,
                      DIAL + ": the agent may not dial now: " + refused.getMessage()));
            })
        .map(
            busy -> {
              offer.sent = true;
              // A refused Originate is recorded by the tracker, which also puts the agent back.
              dials.originate(
                  run,
                  offer.lead,
                  OriginateRequests.preview(
                      settings,
                      run.campaign,
                      offer.lead,
                      originateId,
                      userId,
                      offer.agentInterface),
                  userId);
              LOG.info("Agent {} dials preview lead {} ({})", userId, leadId, originateId);
              return new JsonObject().put("leadId", leadId).put("originateId", originateId);
            });
  }

  private Future<JsonObject> skip(long userId, long leadId, String reason) {
    PreviewOffers.Offer offer = previews.offers().skip(userId, leadId);
    String detail =
        "skipped by agent " + userId + (reason == null || reason.isBlank() ? "" : ": " + reason);
    return repositories
        .selection()
        .skipReserved(leadId, detail, clock.instant().plus(settings.previewSkipDelay()))
        .map(
            logged -> {
              if (logged.isEmpty()) {
                LOG.warn("Skipped preview lead {} was not reserved any more", leadId);
              }
              return new JsonObject()
                  .put("leadId", leadId)
                  .put("campaignId", offer.campaignId)
                  .put("until", logged.map(skip -> String.valueOf(skip.until())).orElse(null));
            });
  }

  private JsonObject current(long userId) {
    PreviewOffers.Offer offer = previews.offers().of(userId);
    boolean shown = offer != null && offer.phase == PreviewOffers.Phase.OFFERED;
    CampaignRun run = shown ? runs.get(offer.campaignId) : null;
    return new JsonObject()
        .put("offer", run == null ? null : PreviewViews.offer(run.campaign, offer));
  }

  private static long leadId(ConsoleCommand command) {
    Object value = command.data().getValue("leadId");
    if (!(value instanceof Number number)
        || number.longValue() < 1
        || number.doubleValue() != number.longValue()) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          command.type() + " needs 'leadId', the id of the lead offered to you, got " + value);
    }
    return number.longValue();
  }

  private static String reason(ConsoleCommand command) {
    Object value = command.data().getValue("reason");
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.length() > MAX_REASON_LENGTH) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          SKIP + ": 'reason' must be a text of at most " + MAX_REASON_LENGTH + " characters");
    }
    return text;
  }

  private static void fail(Message<JsonObject> message, Throwable failure) {
    if (failure instanceof SwitchboardException known) {
      message.fail(known.code().busFailureCode(), known.getMessage());
    } else {
      LOG.error("Dialer command failed", failure);
      message.fail(ErrorCode.INTERNAL.busFailureCode(), "internal error: " + failure.getMessage());
    }
  }
}
