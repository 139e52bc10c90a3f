package io.switchboard.agentws.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a WebSocket upgrade's {@code Origin} may open a session: the request's own host
 * (scheme default ports ignored) or one of the configured origins. A request without an Origin is
 * not from a browser page, so cross-site WebSocket hijacking does not apply; it is allowed (the
 * token is still checked). Pure; thread-safe.
 */
final class OriginPolicy {

  private final List<String> allowed;

  OriginPolicy(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /**
   * @param origin the Origin header, may be null
   * @param host the Host header (the request's authority), may be null
   */
  boolean allows(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String normalized = origin.trim().toLowerCase(Locale.ROOT);
    if (allowed.contains(normalized)) {
      return true;
    }
    if (host == null) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(normalized);
    } catch (URISyntaxException bad) {
      return false;
    }
    String scheme = uri.getScheme();
    if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      return false;
    }
    int defaultPort = "https".equals(scheme) ? 443 : 80;
    String originAuthority =
        uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort());
    return originAuthority.equals(authority(host.trim().toLowerCase(Locale.ROOT), defaultPort));
  }

  private static String authority(String host, int defaultPort) {
    int colon = host.lastIndexOf(':');
    boolean hasPort = colon > 0 && host.indexOf(']') < colon;
    return hasPort ? host : host + ":" + defaultPort;
  }
}
