package io.switchboard.crm.http;

import io.switchboard.core.http.Page;
import io.switchboard.crm.security.Principal;
import io.switchboard.crm.security.SensitiveFieldPolicy;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Passes every customer view through the {@link SensitiveFieldPolicy} before it leaves the server,
 * one customer at a time. Stateless apart from the policy.
 */
final class CustomerViews {

  private final SensitiveFieldPolicy policy;

  CustomerViews(SensitiveFieldPolicy policy) {
    this.policy = policy;
  }

  Future<JsonObject> one(Principal principal, long customerId, JsonObject view) {
    return policy.apply(principal, customerId, view);
  }

  /** Each item as the principal may see it, in order. */
  <T> Future<JsonArray> each(
      Principal principal,
      List<T> items,
      ToLongFunction<T> customerId,
      Function<T, JsonObject> toJson) {
    List<Future<JsonObject>> views = new ArrayList<>();
    for (T item : items) {
      views.add(policy.apply(principal, customerId.applyAsLong(item), toJson.apply(item)));
    }
    return Future.all(views)
        .map(
            all -> {
              JsonArray array = new JsonArray();
              for (int i = 0; i < views.size(); i++) {
                array.add(all.<JsonObject>resultAt(i));
              }
              return array;
            });
  }

  /** A page of items as {@code {items, limit, offset, hasMore, nextOffset}}. */
  <T> Future<JsonObject> page(
      Principal principal,
      Page<T> page,
      ToLongFunction<T> customerId,
      Function<T, JsonObject> toJson) {
    return each(principal, page.items(), customerId, toJson).map(items -> pageJson(page, items));
  }

  static <T> JsonObject pageJson(Page<T> page, JsonArray items) {
    return new JsonObject()
        .put("items", items)
        .put("limit", page.limit())
        .put("offset", page.offset())
        .put("hasMore", page.hasMore())
        .put("nextOffset", page.nextOffset());
  }
}
