package io.switchboard.crm.security;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Hides the fields a principal may not see in a customer view before it leaves the server. An agent
 * sees a customer's phone numbers masked except for the customer on the agent's own active call;
 * supervisors and admins see them whole.
 */
public interface SensitiveFieldPolicy {

  /**
   * The view as {@code principal} may see it.
   *
   * @param customerId the customer the view is about
   * @param view the customer view as the repository produced it (not modified)
   */
  Future<JsonObject> apply(Principal principal, long customerId, JsonObject view);
}
