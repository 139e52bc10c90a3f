package io.switchboard.crm.http;

import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.crm.model.Contact;
import io.switchboard.crm.model.ContactDraft;
import io.switchboard.crm.persistence.ContactRepository;
import io.switchboard.crm.persistence.CustomerActivityRepository;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Set;

/**
 * What hangs off a customer: contacts, relationships to other customers, notes, dispositions and
 * the timeline. Handlers run on the event loop and never block.
 */
final class CustomerDetailRoutes {

  static final int MAX_TIMELINE = 200;

  private final ContactRepository contacts;
  private final CustomerActivityRepository activity;
  private final CustomerInput input;
  private final CustomerViews policy;

  CustomerDetailRoutes(
      ContactRepository contacts,
      CustomerActivityRepository activity,
      CustomerInput input,
      CustomerViews policy) {
    this.contacts = contacts;
    this.activity = activity;
    this.input = input;
    this.policy = policy;
  }

  void mount(GuardedRouter router) {
    router.get("/customers/:id/contacts", Permission.CUSTOMER_READ, this::listContacts);
    router.post("/customers/:id/contacts", Permission.CUSTOMER_WRITE, this::createContact);
    router.patch("/contacts/:contactId", Permission.CUSTOMER_WRITE, this::updateContact);
    router.delete("/contacts/:contactId", Permission.CUSTOMER_DELETE, this::deleteContact);
    router.get("/customers/:id/relationships", Permission.CUSTOMER_READ, this::relationships);
    router.post("/customers/:id/relationships", Permission.CUSTOMER_WRITE, this::relate);
    router.delete("/relationships/:relationshipId", Permission.CUSTOMER_DELETE, this::unrelate);
    router.post("/customers/:id/notes", Permission.CUSTOMER_WRITE, this::addNote);
    router.post("/customers/:id/dispositions", Permission.DISPOSITION_WRITE, this::dispose);
    router.get("/customers/:id/timeline", Permission.CUSTOMER_READ, this::timeline);
  }

  private void listContacts(RoutingContext context) {
    long id = Requests.id(context, "id");
    Principal principal = Principal.of(context);
    contacts
        .list(id)
        .compose(list -> policy.each(principal, list, Contact::customerId, Contact::toJson))
        .onSuccess(items -> Responses.ok(context, new JsonObject().put("items", items)))
        .onFailure(context::fail);
  }

  private void createContact(RoutingContext context) {
    long id = Requests.id(context, "id");
    Principal principal = Principal.of(context);
    ContactDraft draft = readContact(Requests.body(context), null);
    contacts
        .create(principal.userId(), id, draft)
        .compose(created -> policy.one(principal, id, created.toJson()))
        .onSuccess(
            body -> Responses.created(context, "/api/v1/contacts/" + body.getLong("id"), body))
        .onFailure(context::fail);
  }

  private void updateContact(RoutingContext context) {
    long id = Requests.id(context, "contactId");
    Principal principal = Principal.of(context);
    JsonObject body = Requests.body(context);
    contacts
        .update(principal.userId(), id, current -> readContact(body, current))
        .compose(updated -> policy.one(principal, updated.customerId(), updated.toJson()))
        .onSuccess(json -> Responses.ok(context, json))
        .onFailure(context::fail);
  }

  private void deleteContact(RoutingContext context) {
    long id = Requests.id(context, "contactId");
    contacts
        .softDelete(Principal.of(context).userId(), id)
        .onSuccess(done -> Responses.noContent(context))
        .onFailure(context::fail);
  }

  private ContactDraft readContact(JsonObject body, Contact current) {
    JsonInput in = JsonInput.of(body).allowOnly(Set.of("name", "title", "email", "phones"));
    boolean create = current == null;
    ContactDraft draft =
        new ContactDraft(
            in.text("name", true, 300, create ? null : current.name()),
            in.text("title", false, 200, create ? "" : current.title()),
            in.text("email", false, 254, create ? "" : current.email()),
            in.has("phones") ? input.phones(in, "phones") : create ? java.util.List.of() : null);
    in.throwIfInvalid();
    return draft;
  }

  private void relationships(RoutingContext context) {
    long id = Requests.id(context, "id");
    activity
        .relationships(id)
        .onSuccess(
            list -> {
              JsonArray items = new JsonArray();
              list.forEach(relationship -> items.add(relationship.toJson()));
              Responses.ok(context, new JsonObject().put("items", items));
            })
        .onFailure(context::fail);
  }

  private void relate(RoutingContext context) {
    long id = Requests.id(context, "id");
    JsonInput in =
        JsonInput.of(Requests.body(context))
            .allowOnly(Set.of("toCustomerId", "kind", "role", "note"));
    Long to = in.id("toCustomerId", null);
    if (!in.has("toCustomerId")) {
      in.fail("toCustomerId", "is required");
    } else if (to != null && to == id) {
      in.fail("toCustomerId", "must be another customer");
    }
    String kind = in.choice("kind", CustomerActivityRepository.RELATIONSHIP_KIND_NAMES, null);
    String role = in.code("role", null);
    if ("trade".equals(kind) && role == null) {
      in.fail("role", "is required for a trade relationship (buyer, payer, receiver, ...)");
    } else if (kind != null && !"trade".equals(kind) && role != null) {
      in.fail("role", "is only for trade relationships");
    }
    String note = in.text("note", false, 500, "");
    in.throwIfInvalid();
    activity
        .relate(Principal.of(context).userId(), id, to, kind, role, note)
        .onSuccess(
            created ->
                Responses.created(
                    context, "/api/v1/relationships/" + created.id(), created.toJson()))
        .onFailure(context::fail);
  }

  private void unrelate(RoutingContext context) {
    long id = Requests.id(context, "relationshipId");
    activity
        .unrelate(Principal.of(context).userId(), id)
        .onSuccess(done -> Responses.noContent(context))
        .onFailure(context::fail);
  }

  private void addNote(RoutingContext context) {
    long id = Requests.id(context, "id");
    JsonInput in = JsonInput.of(Requests.body(context)).allowOnly(Set.of("body"));
    String body = in.text("body", true, 5000, null);
    in.throwIfInvalid();
    activity
        .addNote(Principal.of(context).userId(), id, body)
        .onSuccess(note -> Responses.json(context, 201, note.toJson()))
        .onFailure(context::fail);
  }

  private void dispose(RoutingContext context) {
    long id = Requests.id(context, "id");
    JsonInput in =
        JsonInput.of(Requests.body(context)).allowOnly(Set.of("code", "callLogId", "note"));
    String code = in.code("code", null);
    if (!in.has("code")) {
      in.fail("code", "is required");
    }
    Long callLogId = in.id("callLogId", null);
    String note = in.text("note", false, 2000, "");
    in.throwIfInvalid();
    activity
        .addDisposition(Principal.of(context).userId(), id, callLogId, code, note)
        .onSuccess(disposition -> Responses.json(context, 201, disposition.toJson()))
        .onFailure(context::fail);
  }

  private void timeline(RoutingContext context) {
    long id = Requests.id(context, "id");
    QueryParams params = new QueryParams(context).allowOnly(Set.of("before", "limit"));
    Instant before = params.instant("before");
    int limit = params.integer("limit", 1, MAX_TIMELINE, 50);
    params.throwIfInvalid();
    activity
        .timeline(id, before, limit)
        .onSuccess(
            list -> {
              JsonArray items = new JsonArray();
              list.forEach(item -> items.add(item.toJson()));
              Instant next = list.size() == limit ? list.get(list.size() - 1).at() : null;
              Responses.ok(context, new JsonObject().put("items", items).put("nextBefore", next));
            })
        .onFailure(context::fail);
  }
}
