package io.switchboard.crm.http;

import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.crm.model.CustomerKind;
import io.switchboard.crm.model.CustomerQuery;
import io.switchboard.crm.model.CustomerQuery.SortField;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the search conditions, sort and page of {@code GET /customers} (and the export) from the
 * query string; unknown parameters, bad values, sort fields outside the whitelist and limits out of
 * range are a 400 naming each one. Stateless.
 */
final class CustomerQueryParams {

  /** Page size when none is asked for, and the largest allowed. */
  static final int DEFAULT_LIMIT = 50;

  static final int MAX_LIMIT = 200;

  /** Deeper pages are refused: narrow the search instead. */
  static final int MAX_OFFSET = 100_000;

  /** Shorter phone fragments match too much to be useful (and cannot use the trigram index). */
  static final int MIN_PHONE_DIGITS = 3;

  static final Set<String> SEARCH_PARAMS =
      Set.of(
          "name",
          "phone",
          "kind",
          "type",
          "region",
          "tier",
          "vip",
          "goldMember",
          "owner",
          "tag",
          "createdFrom",
          "createdTo",
          "deleted",
          "sort",
          "limit",
          "offset");

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  private CustomerQueryParams() {}

  static CustomerQuery read(
      RoutingContext context, Set<String> extra, int defaultLimit, int maxLimit) {
    QueryParams params = new QueryParams(context);
    java.util.Set<String> allowed = new java.util.HashSet<>(SEARCH_PARAMS);
    allowed.addAll(extra);
    params.allowOnly(allowed);
    String phone = params.text("phone");
    String digits = null;
    if (phone != null) {
      digits = phone.replaceAll("[\\s\\-().+]", "");
      if (!digits.matches("[0-9]{" + MIN_PHONE_DIGITS + ",15}")) {
        params.fail("phone", "must be " + MIN_PHONE_DIGITS + " to 15 digits of a number");
        digits = null;
      }
    }
    CustomerKind kind = null;
    String kindText = params.text("kind");
    if (kindText != null) {
      if (kindText.equals("organization") || kindText.equals("individual")) {
        kind = CustomerKind.fromWire(kindText);
      } else {
        params.fail("kind", "must be organization or individual");
      }
    }
    List<String> types = codes(params, "type");
    List<String> tiers = codes(params, "tier");
    List<String> tags = params.list("tag");
    String sortText = params.text("sort");
    SortField sort = SortField.NAME;
    boolean descending = false;
    if (sortText != null) {
      descending = sortText.startsWith("-");
      String field = descending ? sortText.substring(1) : sortText;
      sort = null;
      for (SortField candidate : SortField.values()) {
        if (candidate.wireName().equals(field)) {
          sort = candidate;
        }
      }
      if (sort == null) {
        params.fail("sort", "must be one of name, createdAt, updatedAt, id (prefix - to reverse)");
        sort = SortField.NAME;
      }
    }
    Instant from = params.instant("createdFrom");
    Instant to = params.instant("createdTo");
    if (from != null && to != null && !from.isBefore(to)) {
      params.fail("createdTo", "must be after createdFrom");
    }
    String name = params.text("name");
    CustomerQuery query =
        new CustomerQuery(
            name,
            digits,
            kind,
            types,
            params.id("region"),
            tiers,
            params.bool("vip"),
            params.bool("goldMember"),
            params.id("owner"),
            tags,
            from,
            to,
            Boolean.TRUE.equals(params.bool("deleted")),
            sort,
            descending,
            params.integer("limit", 1, maxLimit, defaultLimit),
            params.integer("offset", 0, MAX_OFFSET, 0));
    params.throwIfInvalid();
    return query;
  }

  private static List<String> codes(QueryParams params, String name) {
    List<String> values = params.list(name);
    for (String value : values) {
      if (!CODE.matcher(value).matches()) {
        params.fail(name, "\"" + Requests.shorten(value) + "\" is not a code");
      }
    }
    return values;
  }
}
