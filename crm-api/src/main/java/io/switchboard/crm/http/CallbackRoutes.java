package io.switchboard.crm.http;

import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.model.Callback;
import io.switchboard.crm.persistence.CallbackRepository;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Callbacks: schedule one for an agent or a queue, list what is due, read one and change its
 * status, outcome or time. Handlers run on the event loop and never block.
 */
final class CallbackRoutes {

  static final Set<String> STATUSES = CallbackRepository.TRANSITIONS.keySet();

  private final CallbackRepository callbacks;
  private final CustomerInput input;
  private final CustomerViews policy;

  CallbackRoutes(CallbackRepository callbacks, CustomerInput input, CustomerViews policy) {
    this.callbacks = callbacks;
    this.input = input;
    this.policy = policy;
  }

  void mount(GuardedRouter router) {
    router.get("/callbacks", Permission.CALLBACK_READ, this::list);
    router.post("/callbacks", Permission.CALLBACK_WRITE, this::create);
    router.get("/callbacks/:callbackId", Permission.CALLBACK_READ, this::get);
    router.patch("/callbacks/:callbackId", Permission.CALLBACK_WRITE, this::update);
  }

  private void list(RoutingContext context) {
    QueryParams params =
        new QueryParams(context)
            .allowOnly(
                Set.of("customer", "status", "agent", "queue", "dueBefore", "limit", "offset"));
    List<String> statuses = params.list("status");
    statuses.stream()
        .filter(status -> !STATUSES.contains(status))
        .forEach(
            status ->
                params.fail("status", "\"" + Requests.shorten(status) + "\" is not a status"));
    CallbackRepository.Filter filter =
        new CallbackRepository.Filter(
            params.id("customer"),
            statuses,
            params.id("agent"),
            params.text("queue"),
            params.instant("dueBefore"),
            params.integer("limit", 1, CustomerQueryParams.MAX_LIMIT, 50),
            params.integer("offset", 0, CustomerQueryParams.MAX_OFFSET, 0));
    params.throwIfInvalid();
    Principal principal = Principal.of(context);
    callbacks
        .list(filter)
        .compose(page -> policy.page(principal, page, CallbackRoutes::customerOf, Callback::toJson))
        .onSuccess(body -> Responses.ok(context, body))
        .onFailure(context::fail);
  }

  private void create(RoutingContext context) {
    JsonInput in =
        JsonInput.of(Requests.body(context))
            .allowOnly(
                Set.of(
                    "customerId",
                    "contactId",
                    "phone",
                    "dueAt",
                    "assignedUserId",
                    "assignedQueue",
                    "reason",
                    "priority"));
    String phone = in.text("phone", true, PhoneNormalizer.MAX_INPUT_LENGTH, null);
    String e164 = phone == null || phone.isEmpty() ? null : input.normalise(in, "phone", phone);
    Long agent = in.id("assignedUserId", null);
    String queue = in.text("assignedQueue", false, 80, "");
    if (agent == null && (queue == null || queue.isEmpty())) {
      in.fail("assignedUserId", "an agent (assignedUserId) or a queue (assignedQueue) is required");
    }
    CallbackRepository.Draft draft =
        new CallbackRepository.Draft(
            in.id("customerId", null),
            in.id("contactId", null),
            e164,
            in.instant("dueAt", true, null),
            agent,
            queue == null || queue.isEmpty() ? null : queue,
            in.text("reason", false, 1000, ""),
            in.number("priority", 1, 9, 5L).intValue());
    in.throwIfInvalid();
    Principal principal = Principal.of(context);
    callbacks
        .create(principal.userId(), draft)
        .compose(created -> policy.one(principal, customerOf(created), created.toJson()))
        .onSuccess(
            body -> Responses.created(context, "/api/v1/callbacks/" + body.getLong("id"), body))
        .onFailure(context::fail);
  }

  private void get(RoutingContext context) {
    Principal principal = Principal.of(context);
    callbacks
        .get(Requests.id(context, "callbackId"))
        .compose(found -> policy.one(principal, customerOf(found), found.toJson()))
        .onSuccess(body -> Responses.ok(context, body))
        .onFailure(context::fail);
  }

  private void update(RoutingContext context) {
    long id = Requests.id(context, "callbackId");
    JsonInput in =
        JsonInput.of(Requests.body(context))
            .allowOnly(
                Set.of(
                    "status",
                    "outcome",
                    "dueAt",
                    "assignedUserId",
                    "assignedQueue",
                    "reason",
                    "priority"));
    String status = in.has("status") ? in.choice("status", STATUSES, null) : null;
    Instant due = in.instant("dueAt", false, null);
    Long priority = in.number("priority", 1, 9, null);
    CallbackRepository.Change change =
        new CallbackRepository.Change(
            status,
            in.has("outcome") ? in.text("outcome", false, 1000, null) : null,
            due,
            in.id("assignedUserId", null),
            in.has("assignedQueue") ? in.text("assignedQueue", true, 80, null) : null,
            in.has("reason") ? in.text("reason", false, 1000, null) : null,
            priority == null ? null : priority.intValue());
    in.throwIfInvalid();
    Principal principal = Principal.of(context);
    callbacks
        .update(principal.userId(), id, change)
        .compose(updated -> policy.one(principal, customerOf(updated), updated.toJson()))
        .onSuccess(body -> Responses.ok(context, body))
        .onFailure(context::fail);
  }

  /** The customer a callback is about; 0 when it is for a number with no customer. */
  private static long customerOf(Callback callback) {
    return callback.customerId() == null ? 0 : callback.customerId();
  }
}
