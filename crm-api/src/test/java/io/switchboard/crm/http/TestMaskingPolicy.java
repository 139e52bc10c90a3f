package io.switchboard.crm.http;

import io.switchboard.crm.security.Principal;
import io.switchboard.crm.security.Role;
import io.switchboard.crm.security.SensitiveFieldPolicy;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for the real policy: agents see every {@code e164} in a view replaced by {@value
 * #MASK}; others see the view unchanged. Enough to show that every customer view passes through.
 */
final class TestMaskingPolicy implements SensitiveFieldPolicy {

  static final String MASK = "***";

  @Override
  public Future<JsonObject> apply(Principal principal, long customerId, JsonObject view) {
    if (!principal.has(Role.AGENT)) {
      return Future.succeededFuture(view);
    }
    JsonObject copy = view.copy();
    mask(copy);
    return Future.succeededFuture(copy);
  }

  private static void mask(Object value) {
    if (value instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        if (key.equals("e164") || key.equals("fax") && object.getValue(key) != null) {
          object.put(key, MASK);
        } else {
          mask(object.getValue(key));
        }
      }
    } else if (value instanceof JsonArray array) {
      array.forEach(TestMaskingPolicy::mask);
    }
  }
}
