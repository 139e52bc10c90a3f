package io.switchboard.crm.http;

import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.model.Customer;
import io.switchboard.crm.model.CustomerDraft;
import io.switchboard.crm.model.CustomerDraft.AddressDraft;
import io.switchboard.crm.model.CustomerDraft.AnniversaryDraft;
import io.switchboard.crm.model.CustomerDraft.PhoneDraft;
import io.switchboard.crm.model.CustomerKind;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a customer JSON body into a validated {@link CustomerDraft}: for a creation every required
 * field must be there; for an update (PATCH) absent fields keep the customer's current values and
 * absent lists stay as they are. Every bad field is reported at once. Stateless apart from the
 * normaliser it is given.
 */
final class CustomerInput {

  static final Set<String> FIELDS =
      Set.of(
          "kind",
          "name",
          "customerType",
          "valueTier",
          "regionId",
          "vip",
          "goldMember",
          "ownerUserId",
          "email",
          "website",
          "fax",
          "mainProducts",
          "birthday",
          "notes",
          "tags",
          "phones",
          "addresses",
          "anniversaries");

  /** Limits on the lists of one customer. */
  static final int MAX_PHONES = 20;

  static final int MAX_TAGS = 50;
  static final int MAX_ADDRESSES = 10;
  static final int MAX_ANNIVERSARIES = 20;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern TAG = Pattern.compile("[^,\\s][^,]{0,39}");
  private static final Set<String> KINDS = Set.of("organization", "individual");

  private final PhoneNormalizer phones;

  CustomerInput(PhoneNormalizer phones) {
    this.phones = phones;
  }

  /**
   * The draft the body describes.
   *
   * @param current the customer being updated, or null for a creation
   * @param extraFields members the route accepts besides the customer's own (e.g. "version")
   */
  CustomerDraft read(JsonObject body, Customer current, Set<String> extraFields) {
    JsonInput in = JsonInput.of(body);
    Set<String> allowed = new java.util.HashSet<>(FIELDS);
    allowed.addAll(extraFields);
    in.allowOnly(allowed);
    boolean create = current == null;
    String kind = in.choice("kind", KINDS, create ? null : current.kind().wireName());
    String name = in.text("name", true, 300, create ? null : current.name());
    String email = in.text("email", false, 254, create ? "" : current.email());
    if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
      in.fail("email", "must be an e-mail address such as someone@example.com");
    }
    String website = in.text("website", false, 500, create ? "" : current.website());
    if (website != null && website.chars().anyMatch(Character::isWhitespace)) {
      in.fail("website", "must not contain spaces");
    }
    String fax = create ? null : current.faxE164();
    if (in.has("fax")) {
      String text = in.text("fax", false, PhoneNormalizer.MAX_INPUT_LENGTH, "");
      fax = text == null || text.isEmpty() ? null : normalise(in, "fax", text);
    }
    CustomerDraft draft =
        new CustomerDraft(
            kind == null ? CustomerKind.INDIVIDUAL : CustomerKind.fromWire(kind),
            name,
            in.code("customerType", create ? null : current.customerType()),
            in.code("valueTier", create ? null : current.valueTier()),
            in.id("regionId", create ? null : current.regionId()),
            in.bool("vip", !create && current.vip()),
            in.bool("goldMember", !create && current.goldMember()),
            in.id("ownerUserId", create ? null : current.ownerUserId()),
            email,
            website,
            fax,
            in.text("mainProducts", false, 2000, create ? "" : current.mainProducts()),
            in.date("birthday", create ? null : current.birthday(), true),
            in.text("notes", false, 10_000, create ? "" : current.notes()),
            in.has("tags") ? tags(in) : create ? List.of() : null,
            in.has("phones") ? phones(in, "phones") : create ? List.of() : null,
            in.has("addresses") ? addresses(in) : create ? List.of() : null,
            in.has("anniversaries") ? anniversaries(in) : create ? List.of() : null);
    in.throwIfInvalid();
    return draft;
  }

  /** The phone list of a customer or contact body, normalised, without duplicates. */
  List<PhoneDraft> phones(JsonInput in, String field) {
    List<PhoneDraft> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<JsonInput> items = in.objects(field, MAX_PHONES);
    for (int i = 0; i < items.size(); i++) {
      JsonInput item = items.get(i).allowOnly(Set.of("number", "label"));
      String number = item.text("number", true, PhoneNormalizer.MAX_INPUT_LENGTH, null);
      String label = item.text("label", false, 40, "main");
      if (number == null || number.isEmpty()) {
        continue;
      }
      String e164 = normalise(item, "number", number);
      if (e164 == null) {
        continue;
      }
      Integer earlier = seen.putIfAbsent(e164, i);
      if (earlier != null) {
        item.fail("number", "is the same number as " + field + "[" + earlier + "]");
        continue;
      }
      out.add(new PhoneDraft(e164, number, label.isEmpty() ? "main" : label));
    }
    return out;
  }

  String normalise(JsonInput in, String field, String number) {
    PhoneNormalizer.Result result = phones.normalize(number);
    if (result.e164().isEmpty()) {
      in.fail(field, result.problem());
      return null;
    }
    return result.e164().get();
  }

  private static List<String> tags(JsonInput in) {
    Set<String> tags = new LinkedHashSet<>();
    List<String> given = in.strings("tags", MAX_TAGS);
    for (int i = 0; i < given.size(); i++) {
      if (!TAG.matcher(given.get(i)).matches()) {
        in.fail("tags[" + i + "]", "must be 1 to 40 characters without commas");
      } else {
        tags.add(given.get(i));
      }
    }
    return List.copyOf(tags);
  }

  private static List<AddressDraft> addresses(JsonInput in) {
    List<AddressDraft> out = new ArrayList<>();
    for (JsonInput item : in.objects("addresses", MAX_ADDRESSES)) {
      item.allowOnly(Set.of("label", "line", "regionId", "postalCode"));
      String label = item.text("label", false, 40, "main");
      out.add(
          new AddressDraft(
              label.isEmpty() ? "main" : label,
              item.text("line", true, 500, null),
              item.id("regionId", null),
              item.text("postalCode", false, 20, "")));
    }
    return out;
  }

  private static List<AnniversaryDraft> anniversaries(JsonInput in) {
    List<AnniversaryDraft> out = new ArrayList<>();
    for (JsonInput item : in.objects("anniversaries", MAX_ANNIVERSARIES)) {
      item.allowOnly(Set.of("kind", "day", "note"));
      String kind = item.code("kind", null);
      if (kind == null) {
        item.fail("kind", "is required");
      }
      LocalDate day = item.date("day", null, false);
      if (day == null) {
        item.fail("day", "is required");
      }
      out.add(new AnniversaryDraft(kind, day, item.text("note", false, 200, "")));
    }
    return out;
  }
}
