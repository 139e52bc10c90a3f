package io.switchboard.dialer.http;

import io.switchboard.core.console.ConsoleAddresses;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What a dialer route needs, and the one table of which role holds it: supervisors and admins run
 * campaigns (the roles table says so: "runs campaigns"); agents hold neither, they meet leads
 * through the live console. Kept here rather than in the CRM's permission matrix because feature
 * modules do not import each other; the roles are the same ones the login token carries.
 */
public enum DialerPermission {
  /** Read campaigns, lists, leads, attempts, skips and exclusions. */
  CAMPAIGN_READ,
  /** Create, change, start, pause, finish and delete campaigns; import leads; exclusions. */
  CAMPAIGN_WRITE;

  private static final Map<String, Set<DialerPermission>> GRANTS =
      Map.of(
          ConsoleAddresses.ROLE_ADMIN, Set.of(CAMPAIGN_READ, CAMPAIGN_WRITE),
          ConsoleAddresses.ROLE_SUPERVISOR, Set.of(CAMPAIGN_READ, CAMPAIGN_WRITE),
          ConsoleAddresses.ROLE_AGENT, Set.of());

  /** True when at least one of {@code roles} holds this permission. */
  public boolean grantedTo(Collection<String> roles) {
    for (String role : roles) {
      if (GRANTS.getOrDefault(role, Set.of()).contains(this)) {
        return true;
      }
    }
    return false;
  }
}
