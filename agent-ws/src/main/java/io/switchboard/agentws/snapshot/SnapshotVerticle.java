package io.switchboard.agentws.snapshot;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.SnapshotRequest;
import io.switchboard.core.dialer.DialerAddresses;
import io.switchboard.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the session layer's {@value ConsoleAddresses#SNAPSHOT}: what a console shows from
 * scratch, gathered from the owner of each part at once: the agent's state ({@value
 * ConsoleBusAddresses#AGENT_STATE_QUERY}), the open screen pop ({@value
 * ConsoleBusAddresses#SCREENPOP_QUERY}) and, for supervisors and admins, the wallboard ({@value
 * ConsoleBusAddresses#WALLBOARD_SNAPSHOT}; null while no wallboard is deployed) and the dialer's
 * live campaign figures ({@value DialerAddresses#FIGURES_QUERY}, {@code dialer}: {@code {at,
 * campaigns}}, asked with {@link #DIALER_TIMEOUT_MS}; null while no campaign runner runs). A part
 * that fails or does not answer within {@link #PART_TIMEOUT_MS} is null and its reason is under
 * {@code errors}, so one missing service never costs a console its snapshot. Holds no state; runs
 * on its own context.
 */
public final class SnapshotVerticle extends VerticleBase {

  /**
   * Time each part has to answer; below the session layer's 10 s for the whole snapshot, so that a
   * late part leaves its field null instead of failing the snapshot.
   */
  public static final long PART_TIMEOUT_MS = 5_000;

  /**
   * Time the dialer's campaign runner has to answer {@value DialerAddresses#FIGURES_QUERY}: its
   * figures are already in memory, and a console should not wait on an optional part.
   */
  public static final long DIALER_TIMEOUT_MS = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotVerticle.class);
  private static final List<String> WALLBOARD_ROLES =
      List.of(ConsoleAddresses.ROLE_SUPERVISOR, ConsoleAddresses.ROLE_ADMIN);

  private final Clock clock;
  private MessageConsumer<JsonObject> consumer;

  /**
   * @param clock the source of {@code serverTime}
   */
  public SnapshotVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().consumer(ConsoleAddresses.SNAPSHOT, this::answer);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister();
  }

  private void answer(Message<JsonObject> message) {
    SnapshotRequest request;
    try {
      request =
          SnapshotRequest.fromJson(message.body() == null ? new JsonObject() : message.body());
    } catch (RuntimeException bad) {
      message.fail(
          ErrorCode.BAD_REQUEST.busFailureCode(),
          ConsoleAddresses.SNAPSHOT + " request: " + bad.getMessage());
      return;
    }
    JsonObject ofUser = new JsonObject().put("userId", request.userId());
    Future<JsonObject> agent =
        ask(ConsoleBusAddresses.AGENT_STATE_QUERY, ofUser, body -> body.getJsonObject("agent"));
    Future<JsonObject> screenPop =
        ask(ConsoleBusAddresses.SCREENPOP_QUERY, ofUser, body -> body.getJsonObject("screenPop"));
    boolean supervises = request.roles().stream().anyMatch(WALLBOARD_ROLES::contains);
    Future<JsonObject> wallboard =
        supervises
            ? ask(ConsoleBusAddresses.WALLBOARD_SNAPSHOT, request.toJson(), body -> body)
                .recover(SnapshotVerticle::noWallboardIsNone)
            : Future.succeededFuture(null);
    Future<JsonObject> dialer =
        supervises
            ? ask(DialerAddresses.FIGURES_QUERY, new JsonObject(), body -> body, DIALER_TIMEOUT_MS)
                .recover(SnapshotVerticle::noWallboardIsNone)
            : Future.succeededFuture(null);
    Future.join(agent, screenPop, wallboard, dialer)
        .onComplete(
            done -> {
              JsonObject snapshot =
                  new JsonObject()
                      .put(
                          "user",
                          new JsonObject()
                              .put("userId", request.userId())
                              .put("username", request.username())
                              .put("roles", new JsonArray(request.roles())));
              JsonObject errors = new JsonObject();
              put(snapshot, errors, "agent", agent);
              put(snapshot, errors, "screenPop", screenPop);
              put(snapshot, errors, "wallboard", wallboard);
              put(snapshot, errors, "dialer", dialer);
              snapshot.put("serverTime", clock.instant().toString());
              if (!errors.isEmpty()) {
                LOG.warn("Snapshot of user {} lacks parts: {}", request.userId(), errors);
                snapshot.put("errors", errors);
              }
              message.reply(snapshot);
            });
  }

  private Future<JsonObject> ask(
      String address, JsonObject request, Function<JsonObject, JsonObject> part) {
    return ask(address, request, part, PART_TIMEOUT_MS);
  }

  private Future<JsonObject> ask(
      String address, JsonObject request, Function<JsonObject, JsonObject> part, long timeoutMs) {
    return vertx
        .eventBus()
        .<JsonObject>request(address, request, new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(
            reply -> {
              if (reply.body() == null) {
                throw new IllegalStateException(address + " answered without a JSON object");
              }
              return part.apply(reply.body());
            })
        .recover(
            failure ->
                Future.failedFuture(new IllegalStateException(why(address, failure), failure)));
  }

  /** No wallboard (or dialer runner) deployed is none, not an error. */
  private static Future<JsonObject> noWallboardIsNone(Throwable failure) {
    return failure.getCause() instanceof ReplyException reply
            && reply.failureType() == ReplyFailure.NO_HANDLERS
        ? Future.succeededFuture(null)
        : Future.failedFuture(failure);
  }

  private static String why(String address, Throwable failure) {
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case NO_HANDLERS -> "no service answers " + address;
        case TIMEOUT -> address + " did not answer in time";
        default -> address + " failed: " + reply.getMessage();
      };
    }
    return failure.getMessage();
  }

  private static void put(
      JsonObject snapshot, JsonObject errors, String field, Future<JsonObject> part) {
    if (part.succeeded()) {
      snapshot.put(field, part.result());
    } else {
      snapshot.putNull(field);
      errors.put(field, part.cause().getMessage());
    }
  }
}
