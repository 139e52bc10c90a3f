package io.switchboard.crm.http;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.model.Customer;
import io.switchboard.crm.model.CustomerDraft;
import io.switchboard.crm.model.CustomerQuery;
import io.switchboard.crm.model.LookupMatch;
import io.switchboard.crm.persistence.CustomerRepository;
import io.switchboard.crm.persistence.CustomerViewRepository;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * Customers: create, read, update (PATCH), soft delete and restore, search, lookup by phone (the
 * screen pop) and the 360 view. Handlers run on the event loop and never block.
 */
final class CustomerRoutes {

  /** Matches a lookup returns at most, and by default. */
  static final int MAX_LOOKUP_MATCHES = 50;

  static final int DEFAULT_LOOKUP_MATCHES = 10;

  private final CustomerRepository customers;
  private final CustomerViewRepository views;
  private final CustomerInput input;
  private final PhoneNormalizer phones;
  private final CustomerViews policy;

  CustomerRoutes(
      CustomerRepository customers,
      CustomerViewRepository views,
      PhoneNormalizer phones,
      CustomerViews policy) {
    this.customers = customers;
    this.views = views;
    this.input = new CustomerInput(phones);
    this.phones = phones;
    this.policy = policy;
  }

  /** Mounts the routes; lookup comes before {@code /customers/:id} so that it is not an id. */
  void mount(GuardedRouter router) {
    router.get("/customers", Permission.CUSTOMER_READ, this::search);
    router.post("/customers", Permission.CUSTOMER_WRITE, this::create);
    router.get("/customers/lookup", Permission.CUSTOMER_READ, this::lookup);
    router.get("/customers/:id", Permission.CUSTOMER_READ, this::get);
    router.patch("/customers/:id", Permission.CUSTOMER_WRITE, this::update);
    router.delete("/customers/:id", Permission.CUSTOMER_DELETE, this::delete);
    router.post("/customers/:id/restore", Permission.CUSTOMER_RESTORE, this::restore);
    router.get("/customers/:id/360", Permission.CUSTOMER_READ, this::view360);
  }

  private void search(RoutingContext context) {
    CustomerQuery query =
        CustomerQueryParams.read(
            context, Set.of(), CustomerQueryParams.DEFAULT_LIMIT, CustomerQueryParams.MAX_LIMIT);
    Principal principal = Principal.of(context);
    views
        .search(query)
        .compose(page -> policy.page(principal, page, Customer::id, Customer::toJson))
        .onSuccess(body -> Responses.ok(context, body))
        .onFailure(context::fail);
  }

  private void create(RoutingContext context) {
    Principal principal = Principal.of(context);
    CustomerDraft draft = input.read(Requests.body(context), null, Set.of());
    customers
        .create(principal.userId(), draft)
        .compose(created -> policy.one(principal, created.id(), created.toJson()))
        .onSuccess(
            body -> Responses.created(context, "/api/v1/customers/" + body.getLong("id"), body))
        .onFailure(context::fail);
  }

  private void get(RoutingContext context) {
    long id = Requests.id(context, "id");
    QueryParams params = new QueryParams(context).allowOnly(Set.of("includeDeleted"));
    boolean includeDeleted = Boolean.TRUE.equals(params.bool("includeDeleted"));
    params.throwIfInvalid();
    Principal principal = Principal.of(context);
    customers
        .get(principal.userId(), id, includeDeleted, "get")
        .compose(customer -> policy.one(principal, id, customer.toJson()))
        .onSuccess(body -> Responses.ok(context, body))
        .onFailure(context::fail);
  }

  private void update(RoutingContext context) {
    long id = Requests.id(context, "id");
    Principal principal = Principal.of(context);
    JsonObject body = Requests.body(context);
    JsonInput versionInput =
        JsonInput.of(new JsonObject().put("version", body.getValue("version")));
    Long version =
        body.containsKey("version")
            ? versionInput.number("version", 0, Integer.MAX_VALUE, null)
            : null;
    versionInput.throwIfInvalid();
    body.remove("version");
    if (body.isEmpty()) {
      throw SwitchboardException.invalidFields(
          List.of(new FieldError("body", "names no field to change")));
    }
    customers
        .update(
            principal.userId(),
            id,
            version == null ? null : version.intValue(),
            current -> input.read(body, current, Set.of()))
        .compose(updated -> policy.one(principal, id, updated.toJson()))
        .onSuccess(json -> Responses.ok(context, json))
        .onFailure(context::fail);
  }

  private void delete(RoutingContext context) {
    long id = Requests.id(context, "id");
    Principal principal = Principal.of(context);
    customers
        .softDelete(principal.userId(), id)
        .onSuccess(deleted -> Responses.noContent(context))
        .onFailure(context::fail);
  }

  private void restore(RoutingContext context) {
    long id = Requests.id(context, "id");
    Principal principal = Principal.of(context);
    customers
        .restore(principal.userId(), id)
        .compose(restored -> policy.one(principal, id, restored.toJson()))
        .onSuccess(body -> Responses.ok(context, body))
        .onFailure(context::fail);
  }

  private void lookup(RoutingContext context) {
    QueryParams params = new QueryParams(context).allowOnly(Set.of("phone", "limit"));
    String phone = params.text("phone");
    if (phone == null) {
      params.fail("phone", "is required");
    }
    int limit = params.integer("limit", 1, MAX_LOOKUP_MATCHES, DEFAULT_LOOKUP_MATCHES);
    params.throwIfInvalid();
    PhoneNormalizer.Result number = phones.normalizeForLookup(phone);
    if (number.e164().isEmpty()) {
      throw new SwitchboardException(
          ErrorCode.VALIDATION_FAILED,
          "cannot look up phone: " + number.problem(),
          List.of(new FieldError("phone", number.problem())));
    }
    String e164 = number.e164().get();
    Principal principal = Principal.of(context);
    views
        .lookup(principal.userId(), e164, limit)
        .compose(
            matches ->
                policy.each(principal, matches, LookupMatch::customerId, LookupMatch::toJson))
        .onSuccess(
            matches ->
                Responses.ok(context, new JsonObject().put("phone", e164).put("matches", matches)))
        .onFailure(context::fail);
  }

  private void view360(RoutingContext context) {
    long id = Requests.id(context, "id");
    Principal principal = Principal.of(context);
    views
        .view360(principal.userId(), id)
        .compose(view -> policy.one(principal, id, view.toJson()))
        .onSuccess(body -> Responses.ok(context, body))
        .onFailure(context::fail);
  }
}
