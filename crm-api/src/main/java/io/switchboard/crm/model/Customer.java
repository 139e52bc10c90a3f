package io.switchboard.crm.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer as stored: classification, basic information, tags, phones, addresses and
 * anniversaries. Immutable; {@link #toJson} is its wire form.
 */
public record Customer(
    long id,
    CustomerKind kind,
    String name,
    String customerType,
    String valueTier,
    Long regionId,
    boolean vip,
    boolean goldMember,
    Long ownerUserId,
    String email,
    String website,
    String faxE164,
    String mainProducts,
    LocalDate birthday,
    String notes,
    List<String> tags,
    List<PhoneNumber> phones,
    List<Address> addresses,
    List<Anniversary> anniversaries,
    Instant createdAt,
    Instant updatedAt,
    Instant deletedAt,
    int version) {

  public Customer {
    tags = List.copyOf(tags);
    phones = List.copyOf(phones);
    addresses = List.copyOf(addresses);
    anniversaries = List.copyOf(anniversaries);
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public JsonObject toJson() {
    JsonArray phoneArray = new JsonArray();
    phones.forEach(phone -> phoneArray.add(phone.toJson()));
    JsonArray addressArray = new JsonArray();
    addresses.forEach(address -> addressArray.add(address.toJson()));
    JsonArray anniversaryArray = new JsonArray();
    anniversaries.forEach(anniversary -> anniversaryArray.add(anniversary.toJson()));
    return new JsonObject()
        .put("id", id)
        .put("kind", kind.wireName())
        .put("name", name)
        .put("customerType", customerType)
        .put("valueTier", valueTier)
        .put("regionId", regionId)
        .put("vip", vip)
        .put("goldMember", goldMember)
        .put("ownerUserId", ownerUserId)
        .put("email", email)
        .put("website", website)
        .put("fax", faxE164)
        .put("mainProducts", mainProducts)
        .put("birthday", birthday == null ? null : birthday.toString())
        .put("notes", notes)
        .put("tags", new JsonArray(tags))
        .put("phones", phoneArray)
        .put("addresses", addressArray)
        .put("anniversaries", anniversaryArray)
        .put("createdAt", createdAt)
        .put("updatedAt", updatedAt)
        .put("deletedAt", deletedAt)
        .put("version", version);
  }
}
