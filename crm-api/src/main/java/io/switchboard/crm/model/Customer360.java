package io.switchboard.crm.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * Everything an agent needs about a customer at once: the record, contacts, relationships, recent
 * calls, open tickets, pending callbacks and the latest interactions. Immutable.
 */
public record Customer360(
    Customer customer,
    List<Contact> contacts,
    List<Relationship> relationships,
    List<CallSummary> recentCalls,
    List<Ticket> openTickets,
    List<Callback> pendingCallbacks,
    List<Interaction> timeline) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("customer", customer.toJson())
        .put("contacts", array(contacts, Contact::toJson))
        .put("relationships", array(relationships, Relationship::toJson))
        .put("recentCalls", array(recentCalls, CallSummary::toJson))
        .put("openTickets", array(openTickets, Ticket::toJson))
        .put("pendingCallbacks", array(pendingCallbacks, Callback::toJson))
        .put("timeline", array(timeline, Interaction::toJson));
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonObject> toJson) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(toJson.apply(item)));
    return array;
  }
}
