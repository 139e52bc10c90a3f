package io.switchboard.agentws.screenpop;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the screen pop to the agent a call rings at: {@code screenpop.show} with the customer
 * found by caller ID (through the CRM's event-bus lookup), {@code screenpop.update} when the agent
 * answers, {@code screenpop.close} when the agent is done with the call. It remembers the pop open
 * at each agent and answers {@value ConsoleBusAddresses#SCREENPOP_QUERY} with it ({@link #query}),
 * for the snapshot of a console that connects or reloads mid-call. Not thread-safe: called only on
 * its owner's context (the {@code AgentStateVerticle}, which also registers the query's consumer).
 */
public final class ScreenPopPublisher {

  /** Queue entry times remembered for the wait shown in the pop; the oldest are forgotten. */
  public static final int DEFAULT_MAX_QUEUED_CALLS = 50_000;

  /**
   * Open pops remembered, one per agent (as many as agents may be logged in); past it the oldest is
   * forgotten (its customer is then not released early; the CRM's active call expires by itself).
   */
  public static final int MAX_OPEN_POPS = 20_000;

  /** How long the CRM may take to answer a lookup or a card before the pop shows without it. */
  public static final Duration DEFAULT_LOOKUP_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(ScreenPopPublisher.class);

  private final EventBus bus;
  private final DeliveryOptions lookupOptions;
  private final Map<String, Instant> queuedAt;
  private final Map<Long, OpenPop> openPops = bounded(MAX_OPEN_POPS);

  /**
   * The pop of the call that rang at an agent, until the agent is done with it.
   *
   * @param linkedId the call
   * @param shown the {@code screenpop.show} data once pushed (null while the lookup runs), with
   *     what {@code screenpop.update} changed
   * @param customerId the customer the CRM shows whole to the agent meanwhile, or null
   */
  private record OpenPop(String linkedId, JsonObject shown, Long customerId) {}

  public ScreenPopPublisher(EventBus bus, Duration lookupTimeout, int maxQueuedCalls) {
    this.bus = bus;
    this.lookupOptions = new DeliveryOptions().setSendTimeout(lookupTimeout.toMillis());
    this.queuedAt = bounded(maxQueuedCalls);
  }

  private static <K, V> Map<K, V> bounded(int limit) {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > limit;
      }
    };
  }

  /** Remembers when the caller joined the queue. */
  public void callQueued(CallQueued queued) {
    queuedAt.putIfAbsent(queued.linkedId(), queued.queuedAt());
  }

  /** Forgets a finished call's queue entry. */
  public void callEnded(String linkedId) {
    queuedAt.remove(linkedId);
  }

  /**
   * Looks the caller up and shows the pop to {@code userId}; the future completes when it was
   * pushed (or dropped because the call left the agent meanwhile). A failed lookup still shows the
   * call, with {@code lookupError}.
   */
  public Future<Void> show(long userId, CallOffered offer) {
    release(userId, openPops.put(userId, new OpenPop(offer.linkedId(), null, null)));
    Instant joined = queuedAt.get(offer.linkedId());
    long waitedMs =
        joined == null || offer.offeredAt() == null
            ? 0
            : Math.max(0, Duration.between(joined, offer.offeredAt()).toMillis());
    JsonObject pop =
        new JsonObject()
            .put(
                "call",
                new JsonObject()
                    .put("linkedId", offer.linkedId())
                    .put("callerNumber", offer.callerNumber())
                    .put("callerName", offer.callerName())
                    .put("queue", offer.queue())
                    .put("waitedMs", waitedMs));
    return lookUp(userId, offer.callerNumber(), pop)
        .recover(
            failure -> {
              LOG.warn("Customer lookup for the screen pop failed: {}", failure.getMessage());
              return Future.succeededFuture(
                  pop.put("matches", new JsonArray())
                      .put("lookupError", "customer lookup failed: " + failure.getMessage()));
            })
        .map(
            complete -> {
              if (isOpen(userId, offer.linkedId())) {
                Long customerId =
                    complete.containsKey("customer")
                        ? complete.getJsonArray("matches").getJsonObject(0).getLong("customerId")
                        : null;
                openPops.put(userId, new OpenPop(offer.linkedId(), complete, customerId));
                push(userId, ConsoleBusAddresses.SCREENPOP_SHOW, complete);
              }
              return null;
            });
  }

  private Future<JsonObject> lookUp(long userId, String phone, JsonObject pop) {
    if (phone == null || phone.isBlank()) {
      return Future.succeededFuture(
          pop.put("matches", new JsonArray())
              .put("quickCreate", new JsonObject().put("phone", "")));
    }
    JsonObject request = new JsonObject().put("phone", phone).put("userId", userId);
    return bus.<JsonObject>request(ConsoleBusAddresses.CRM_CUSTOMER_LOOKUP, request, lookupOptions)
        .map(Message::body)
        .compose(
            reply -> {
              JsonArray matches = reply.getJsonArray("matches", new JsonArray());
              pop.put("matches", matches);
              if (matches.isEmpty()) {
                return Future.succeededFuture(
                    pop.put("quickCreate", new JsonObject().put("phone", phone)));
              }
              if (matches.size() > 1) {
                return Future.succeededFuture(pop);
              }
              JsonObject card =
                  new JsonObject()
                      .put("customerId", matches.getJsonObject(0).getLong("customerId"))
                      .put("userId", userId);
              return bus.<JsonObject>request(
                      ConsoleBusAddresses.CRM_CUSTOMER_CARD, card, lookupOptions)
                  .map(message -> pop.put("customer", message.body()));
            });
  }

  /** The agent answered: the pop shows the call as answered. */
  public void answered(long userId, CallAnswered answer) {
    if (isOpen(userId, answer.linkedId())) {
      JsonObject call =
          new JsonObject()
              .put("linkedId", answer.linkedId())
              .put("answered", true)
              .put("answeredAt", String.valueOf(answer.answeredAt()))
              .put("waitedMs", answer.waitMs());
      OpenPop open = openPops.get(userId);
      if (open.shown() != null) {
        open.shown().getJsonObject("call").mergeIn(call);
      }
      push(userId, ConsoleBusAddresses.SCREENPOP_UPDATE, new JsonObject().put("call", call));
    }
  }

  /** The agent is done with the call (wrap-up over, or it was answered elsewhere). */
  public void close(long userId, String linkedId) {
    if (isOpen(userId, linkedId)) {
      release(userId, openPops.remove(userId));
      push(
          userId,
          ConsoleBusAddresses.SCREENPOP_CLOSE,
          new JsonObject().put("call", new JsonObject().put("linkedId", linkedId)));
    }
  }

  /**
   * Answers {@value ConsoleBusAddresses#SCREENPOP_QUERY} {@code {userId}}: {@code {screenPop}}, the
   * pop open at that agent as last pushed (a copy), or null when none is, or its lookup still runs
   * (its {@code screenpop.show} follows).
   */
  public void query(Message<JsonObject> message) {
    Long userId = message.body() == null ? null : message.body().getLong("userId");
    if (userId == null) {
      message.fail(
          ErrorCode.BAD_REQUEST.busFailureCode(),
          ConsoleBusAddresses.SCREENPOP_QUERY + " needs 'userId'");
      return;
    }
    OpenPop open = openPops.get(userId);
    JsonObject shown = open == null || open.shown() == null ? null : open.shown().copy();
    message.reply(new JsonObject().put("screenPop", shown));
  }

  private boolean isOpen(long userId, String linkedId) {
    OpenPop open = openPops.get(userId);
    return open != null && open.linkedId().equals(linkedId);
  }

  /** The CRM stops showing the customer of that pop's call whole to the agent. */
  private void release(long userId, OpenPop pop) {
    if (pop == null || pop.customerId() == null) {
      return;
    }
    Long customerId = pop.customerId();
    JsonObject request = new JsonObject().put("userId", userId).put("customerId", customerId);
    bus.request(ConsoleBusAddresses.CRM_CUSTOMER_RELEASE, request, lookupOptions)
        .onFailure(
            failure ->
                LOG.warn(
                    "Active call of user {} not released (it expires by itself): {}",
                    userId,
                    failure.getMessage()));
  }

  private void push(long userId, String type, JsonObject data) {
    bus.publish(
        ConsoleBusAddresses.toUser(userId), new JsonObject().put("type", type).put("data", data));
  }
}
