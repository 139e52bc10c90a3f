package io.switchboard.crm.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.model.LookupMatch;
import io.switchboard.crm.persistence.CrmRepositories;
import io.switchboard.crm.persistence.CustomerViewRepository;
import io.switchboard.crm.security.Principal;
import io.switchboard.crm.security.Role;
import io.switchboard.crm.security.SensitiveFieldPolicy;
import io.switchboard.crm.security.redis.ActiveCallStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM's event-bus side for the live console's screen pop: lookup by caller ID, the 360 card,
 * and the release of an agent's active call. Same repositories, audit and {@link
 * SensitiveFieldPolicy} as the REST routes; the requester is treated as an agent (the screen pop is
 * an agent's), so numbers are masked except for the customer on the agent's active call, which a
 * single-match lookup sets in {@link ActiveCallStore}. Handlers run on the event loop of the
 * context that registered them and never block.
 */
public final class CustomerLookupBus {

  /** Request {@code {phone, userId}}; reply {@code {phone, matches: [...]}} (phone null if bad). */
  public static final String LOOKUP = "crm.customer.lookup";

  /**
   * Request {@code {customerId, userId, activeCall?}}; reply the 360 view. {@code activeCall: true}
   * records the customer as on the agent's call first (the agent picked it among several matches).
   */
  public static final String CARD = "crm.customer.card";

  /** Request {@code {userId, customerId}}; reply {@code {released}}: the call is over. */
  public static final String RELEASE = "crm.customer.release";

  private static final Logger LOG = LoggerFactory.getLogger(CustomerLookupBus.class);

  private final Vertx vertx;
  private final CustomerViewRepository views;
  private final PhoneNormalizer phones;
  private final CustomerViews policy;
  private final ActiveCallStore activeCalls;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  public CustomerLookupBus(
      Vertx vertx,
      CrmRepositories repositories,
      PhoneNormalizer phones,
      SensitiveFieldPolicy policy,
      ActiveCallStore activeCalls) {
    this.vertx = vertx;
    this.views = repositories.views();
    this.phones = phones;
    this.policy = new CustomerViews(policy);
    this.activeCalls = activeCalls;
  }

  /** Registers the three consumers. */
  public Future<Void> register() {
    consumers.add(vertx.eventBus().localConsumer(LOOKUP, message -> answer(message, this::lookup)));
    consumers.add(vertx.eventBus().localConsumer(CARD, message -> answer(message, this::card)));
    consumers.add(
        vertx.eventBus().localConsumer(RELEASE, message -> answer(message, this::release)));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  /** Unregisters them. */
  public Future<Void> unregister() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  private Future<JsonObject> lookup(JsonObject request) {
    long userId = id(request, "userId");
    String phone = request.getString("phone");
    if (phone == null || phone.isBlank()) {
      throw new SwitchboardException(ErrorCode.BAD_REQUEST, LOOKUP + " needs 'phone'");
    }
    PhoneNormalizer.Result number = phones.normalizeForLookup(phone);
    if (number.e164().isEmpty()) {
      return Future.succeededFuture(
          new JsonObject()
              .putNull("phone")
              .put("matches", new JsonArray())
              .put("problem", number.problem()));
    }
    String e164 = number.e164().get();
    Principal agent = agent(userId);
    return views
        .lookup(userId, e164, CustomerRoutes.DEFAULT_LOOKUP_MATCHES)
        .compose(
            matches ->
                (matches.size() == 1
                        ? activeCall(userId, matches.get(0).customerId())
                        : Future.<Void>succeededFuture())
                    .compose(
                        set ->
                            policy.each(
                                agent, matches, LookupMatch::customerId, LookupMatch::toJson)))
        .map(matches -> new JsonObject().put("phone", e164).put("matches", matches));
  }

  private Future<JsonObject> card(JsonObject request) {
    long userId = id(request, "userId");
    long customerId = id(request, "customerId");
    Future<Void> set =
        Boolean.TRUE.equals(request.getBoolean("activeCall"))
            ? activeCall(userId, customerId)
            : Future.succeededFuture();
    return set.compose(done -> views.view360(userId, customerId))
        .compose(view -> policy.one(agent(userId), customerId, view.toJson()));
  }

  private Future<JsonObject> release(JsonObject request) {
    long userId = id(request, "userId");
    long customerId = id(request, "customerId");
    return activeCalls
        .clear(userId, customerId)
        .map(released -> new JsonObject().put("released", released));
  }

  /** Sets the active call; if Redis fails the pop still shows, with numbers masked. */
  private Future<Void> activeCall(long userId, long customerId) {
    return activeCalls
        .set(userId, customerId, ActiveCallStore.DEFAULT_TTL)
        .recover(
            failure -> {
              LOG.warn(
                  "Active call of user {} not recorded, numbers stay masked: {}",
                  userId,
                  failure.getMessage());
              return Future.succeededFuture();
            });
  }

  private static Principal agent(long userId) {
    return new Principal(userId, "console:" + userId, Set.of(Role.AGENT));
  }

  private static long id(JsonObject request, String field) {
    Object value = request.getValue(field);
    if (!(value instanceof Number number) || number.longValue() <= 0) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "crm.customer request needs a positive '" + field + "'");
    }
    return number.longValue();
  }

  private static void answer(
      Message<JsonObject> message, Function<JsonObject, Future<JsonObject>> handler) {
    Future<JsonObject> reply;
    try {
      JsonObject body = message.body();
      if (body == null) {
        throw new SwitchboardException(ErrorCode.BAD_REQUEST, "the request must be a JSON object");
      }
      reply = handler.apply(body);
    } catch (RuntimeException bad) {
      reply = Future.failedFuture(bad);
    }
    reply.onSuccess(message::reply).onFailure(failure -> fail(message, failure));
  }

  private static void fail(Message<JsonObject> message, Throwable failure) {
    if (failure instanceof SwitchboardException known) {
      message.fail(known.code().busFailureCode(), known.getMessage());
    } else {
      LOG.error("{} failed", message.address(), failure);
      message.fail(ErrorCode.INTERNAL.busFailureCode(), "internal error: " + failure.getMessage());
    }
  }
}
