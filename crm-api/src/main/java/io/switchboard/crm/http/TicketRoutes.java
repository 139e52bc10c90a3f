package io.switchboard.crm.http;

import io.switchboard.core.http.Page;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.crm.model.Ticket;
import io.switchboard.crm.model.TicketStatus;
import io.switchboard.crm.persistence.TicketRepository;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Tickets: open, list, read, move along new -> assigned -> in_progress -> resolved -> closed (409
 * for any other move), reassign, add work records and record the customer's satisfaction. Handlers
 * run on the event loop and never block.
 */
final class TicketRoutes {

  static final Set<String> KINDS = Set.of("complaint", "suggestion", "service_request");
  static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
  static final Set<String> STATUSES =
      Set.copyOf(Arrays.stream(TicketStatus.values()).map(TicketStatus::wireName).toList());

  private final TicketRepository tickets;

  TicketRoutes(TicketRepository tickets) {
    this.tickets = tickets;
  }

  void mount(GuardedRouter router) {
    router.get("/tickets", Permission.TICKET_READ, this::list);
    router.post("/tickets", Permission.TICKET_WRITE, this::create);
    router.get("/tickets/:ticketId", Permission.TICKET_READ, this::get);
    router.post("/tickets/:ticketId/status", Permission.TICKET_WRITE, this::changeStatus);
    router.put("/tickets/:ticketId/assignee", Permission.TICKET_WRITE, this::reassign);
    router.post("/tickets/:ticketId/work-records", Permission.TICKET_WRITE, this::addWork);
    router.put("/tickets/:ticketId/satisfaction", Permission.TICKET_WRITE, this::rate);
  }

  private void list(RoutingContext context) {
    QueryParams params =
        new QueryParams(context)
            .allowOnly(Set.of("customer", "status", "assignee", "kind", "limit", "offset"));
    List<String> statuses = params.list("status");
    statuses.stream()
        .filter(status -> !STATUSES.contains(status))
        .forEach(
            status ->
                params.fail("status", "\"" + Requests.shorten(status) + "\" is not a status"));
    String kind = params.text("kind");
    if (kind != null && !KINDS.contains(kind)) {
      params.fail("kind", "must be complaint, suggestion or service_request");
    }
    TicketRepository.Filter filter =
        new TicketRepository.Filter(
            params.id("customer"),
            statuses,
            params.id("assignee"),
            kind,
            params.integer("limit", 1, CustomerQueryParams.MAX_LIMIT, 50),
            params.integer("offset", 0, CustomerQueryParams.MAX_OFFSET, 0));
    params.throwIfInvalid();
    tickets
        .list(filter)
        .onSuccess(page -> Responses.ok(context, pageJson(page)))
        .onFailure(context::fail);
  }

  private void create(RoutingContext context) {
    JsonInput in =
        JsonInput.of(Requests.body(context))
            .allowOnly(
                Set.of(
                    "customerId",
                    "contactId",
                    "kind",
                    "subject",
                    "description",
                    "priority",
                    "callLogId"));
    Long customerId = in.id("customerId", null);
    if (!in.has("customerId")) {
      in.fail("customerId", "is required");
    }
    TicketRepository.Draft draft =
        new TicketRepository.Draft(
            customerId == null ? 0 : customerId,
            in.id("contactId", null),
            in.choice("kind", KINDS, null),
            in.text("subject", true, 200, null),
            in.text("description", false, 10_000, ""),
            in.choice("priority", PRIORITIES, "normal"),
            in.id("callLogId", null));
    in.throwIfInvalid();
    tickets
        .create(Principal.of(context).userId(), draft)
        .onSuccess(
            ticket -> Responses.created(context, "/api/v1/tickets/" + ticket.id(), ticket.toJson()))
        .onFailure(context::fail);
  }

  private void get(RoutingContext context) {
    tickets
        .get(Requests.id(context, "ticketId"))
        .onSuccess(ticket -> Responses.ok(context, ticket.toJson()))
        .onFailure(context::fail);
  }

  private void changeStatus(RoutingContext context) {
    long id = Requests.id(context, "ticketId");
    JsonInput in =
        JsonInput.of(Requests.body(context)).allowOnly(Set.of("status", "assigneeUserId"));
    String status = in.choice("status", STATUSES, null);
    Long assignee = in.id("assigneeUserId", null);
    in.throwIfInvalid();
    tickets
        .changeStatus(
            Principal.of(context).userId(),
            id,
            TicketStatus.fromWire(status).orElseThrow(),
            assignee)
        .onSuccess(ticket -> Responses.ok(context, ticket.toJson()))
        .onFailure(context::fail);
  }

  private void reassign(RoutingContext context) {
    long id = Requests.id(context, "ticketId");
    JsonInput in = JsonInput.of(Requests.body(context)).allowOnly(Set.of("assigneeUserId"));
    Long assignee = in.id("assigneeUserId", null);
    if (!in.has("assigneeUserId")) {
      in.fail("assigneeUserId", "is required");
    }
    in.throwIfInvalid();
    tickets
        .reassign(Principal.of(context).userId(), id, assignee)
        .onSuccess(ticket -> Responses.ok(context, ticket.toJson()))
        .onFailure(context::fail);
  }

  private void addWork(RoutingContext context) {
    long id = Requests.id(context, "ticketId");
    JsonInput in = JsonInput.of(Requests.body(context)).allowOnly(Set.of("note", "minutes"));
    String note = in.text("note", true, 5000, null);
    Long minutes = in.number("minutes", 0, 10_000, 0L);
    in.throwIfInvalid();
    tickets
        .addWorkRecord(Principal.of(context).userId(), id, note, minutes.intValue())
        .onSuccess(ticket -> Responses.json(context, 201, ticket.toJson()))
        .onFailure(context::fail);
  }

  private void rate(RoutingContext context) {
    long id = Requests.id(context, "ticketId");
    JsonInput in = JsonInput.of(Requests.body(context)).allowOnly(Set.of("score", "comment"));
    Long score = in.number("score", 1, 5, null);
    if (!in.has("score")) {
      in.fail("score", "is required (1 to 5)");
    }
    String comment = in.text("comment", false, 2000, "");
    in.throwIfInvalid();
    tickets
        .rate(Principal.of(context).userId(), id, score.intValue(), comment)
        .onSuccess(ticket -> Responses.ok(context, ticket.toJson()))
        .onFailure(context::fail);
  }

  private static io.vertx.core.json.JsonObject pageJson(Page<Ticket> page) {
    JsonArray items = new JsonArray();
    page.items().forEach(ticket -> items.add(ticket.toJson()));
    return CustomerViews.pageJson(page, items);
  }
}
