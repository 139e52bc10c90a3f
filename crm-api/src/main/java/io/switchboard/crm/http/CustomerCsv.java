package io.switchboard.crm.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer CSV format shared by import and export: its columns, a CSV row as the JSON body the
 * API validates, and a customer view as a CSV row. Phones are {@code label:number} separated by
 * {@code ;}, tags separated by {@code ;}. Stateless.
 */
final class CustomerCsv {

  /** Columns in export order; import accepts any subset that includes name and kind. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "kind",
          "customer_type",
          "value_tier",
          "region_id",
          "vip",
          "gold_member",
          "owner_user_id",
          "email",
          "website",
          "fax",
          "phones",
          "tags",
          "main_products",
          "birthday",
          "notes",
          "created_at");

  /** Columns export writes that import ignores (the store assigns them). */
  static final Set<String> IGNORED_ON_IMPORT = Set.of("id", "created_at");

  static final Set<String> REQUIRED = Set.of("name", "kind");

  /** CSV column to the JSON field it becomes. */
  private static final Map<String, String> FIELD_OF =
      Map.ofEntries(
          Map.entry("name", "name"),
          Map.entry("kind", "kind"),
          Map.entry("customer_type", "customerType"),
          Map.entry("value_tier", "valueTier"),
          Map.entry("region_id", "regionId"),
          Map.entry("vip", "vip"),
          Map.entry("gold_member", "goldMember"),
          Map.entry("owner_user_id", "ownerUserId"),
          Map.entry("email", "email"),
          Map.entry("website", "website"),
          Map.entry("fax", "fax"),
          Map.entry("phones", "phones"),
          Map.entry("tags", "tags"),
          Map.entry("main_products", "mainProducts"),
          Map.entry("birthday", "birthday"),
          Map.entry("notes", "notes"));

  private static final Pattern LABELLED = Pattern.compile("([\\p{L}\\p{N}_ -]{1,40}):(.+)");
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "");

  private CustomerCsv() {}

  /** The column a JSON field (or nested field such as {@code phones[2].number}) came from. */
  static String columnOf(String field) {
    String root = field.replaceAll("[\\[.].*$", "");
    for (Map.Entry<String, String> entry : FIELD_OF.entrySet()) {
      if (entry.getValue().equals(root)) {
        return entry.getKey();
      }
    }
    return field;
  }

  static boolean known(String column) {
    return FIELD_OF.containsKey(column) || IGNORED_ON_IMPORT.contains(column);
  }

  /**
   * A CSV row as the JSON body of a customer creation; cells that cannot even be typed (a VIP flag
   * that is not yes/no, an id that is not a number) are added to {@code problems} by column.
   */
  static JsonObject toJson(List<String> header, List<String> row, Map<String, String> problems) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      String field = FIELD_OF.get(column);
      if (field == null) {
        continue;
      }
      String cell = i < row.size() ? unescape(row.get(i).strip()) : "";
      switch (column) {
        case "vip", "gold_member" -> {
          String value = cell.toLowerCase(Locale.ROOT);
          if (TRUE.contains(value) || FALSE.contains(value)) {
            json.put(field, TRUE.contains(value));
          } else {
            problems.put(column, "must be yes or no");
          }
        }
        case "region_id", "owner_user_id" -> {
          if (!cell.isEmpty()) {
            if (cell.matches("[0-9]{1,18}")) {
              json.put(field, Long.parseLong(cell));
            } else {
              problems.put(column, "must be a number");
            }
          }
        }
        case "customer_type", "value_tier", "birthday" -> {
          if (!cell.isEmpty()) {
            json.put(field, cell);
          }
        }
        case "phones" -> json.put(field, phones(cell));
        case "tags" -> json.put(field, split(cell));
        default -> json.put(field, cell);
      }
    }
    return json;
  }

  /** A customer view as a CSV row in {@link #COLUMNS} order. */
  static List<String> row(JsonObject view) {
    List<String> phones = new ArrayList<>();
    JsonArray phoneArray = view.getJsonArray("phones", new JsonArray());
    for (int i = 0; i < phoneArray.size(); i++) {
      JsonObject phone = phoneArray.getJsonObject(i);
      phones.add(phone.getString("label") + ":" + phone.getString("e164"));
    }
    List<String> tags = new ArrayList<>();
    view.getJsonArray("tags", new JsonArray()).forEach(tag -> tags.add(String.valueOf(tag)));
    return List.of(
        text(view.getValue("id")),
        text(view.getValue("name")),
        text(view.getValue("kind")),
        text(view.getValue("customerType")),
        text(view.getValue("valueTier")),
        text(view.getValue("regionId")),
        Boolean.TRUE.equals(view.getBoolean("vip")) ? "yes" : "no",
        Boolean.TRUE.equals(view.getBoolean("goldMember")) ? "yes" : "no",
        text(view.getValue("ownerUserId")),
        text(view.getValue("email")),
        text(view.getValue("website")),
        text(view.getValue("fax")),
        String.join(";", phones),
        String.join(";", tags),
        text(view.getValue("mainProducts")),
        text(view.getValue("birthday")),
        text(view.getValue("notes")),
        text(view.getValue("createdAt")));
  }

  private static JsonArray phones(String cell) {
    JsonArray phones = new JsonArray();
    for (String part : split(cell)) {
      Matcher labelled = LABELLED.matcher(part);
      if (labelled.matches() && !labelled.group(1).strip().equalsIgnoreCase("tel")) {
        phones.add(
            new JsonObject()
                .put("label", labelled.group(1).strip())
                .put("number", labelled.group(2).strip()));
      } else {
        phones.add(new JsonObject().put("number", part));
      }
    }
    return phones;
  }

  private static List<String> split(String cell) {
    List<String> parts = new ArrayList<>();
    for (String part : cell.split("[;；]")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }

  /** Undoes the apostrophe export puts before a cell a spreadsheet would run as a formula. */
  private static String unescape(String cell) {
    return cell.length() > 1
            && cell.charAt(0) == '\''
            && (cell.charAt(1) == '=' || cell.charAt(1) == '@')
        ? cell.substring(1)
        : cell;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
