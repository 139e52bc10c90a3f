package io.switchboard.crm.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A customer found by a caller's number, with how it matched (the customer's own number or one of
 * its contacts') and what ranks it: direct matches first, then VIPs, then the latest call.
 */
public record LookupMatch(
    long customerId,
    String name,
    CustomerKind kind,
    boolean vip,
    boolean goldMember,
    String customerType,
    String valueTier,
    Long ownerUserId,
    String matchedVia,
    Long contactId,
    String contactName,
    String e164,
    String label,
    Instant lastCallAt,
    int openTickets) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("customerId", customerId)
        .put("name", name)
        .put("kind", kind.wireName())
        .put("vip", vip)
        .put("goldMember", goldMember)
        .put("customerType", customerType)
        .put("valueTier", valueTier)
        .put("ownerUserId", ownerUserId)
        .put(
            "match",
            new JsonObject()
                .put("via", matchedVia)
                .put("contactId", contactId)
                .put("contactName", contactName)
                .put("e164", e164)
                .put("label", label))
        .put("lastCallAt", lastCallAt)
        .put("openTickets", openTickets);
  }
}
