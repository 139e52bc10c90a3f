package io.switchboard.core.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a Redis server is: parsed from {@code redis://[[user]:password@]host[:port][/database]}
 * ({@code rediss://} for TLS).
 */
public record RedisAddress(
    String host, int port, int database, String user, String password, boolean tls) {

  private static final int DEFAULT_PORT = 6379;

  /** Parses a URL; a malformed one throws {@link IllegalArgumentException} saying what is wrong. */
  public static RedisAddress parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("is not a URL: " + malformed.getReason());
    }
    boolean tls = "rediss".equals(uri.getScheme());
    if (!tls && !"redis".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "must start with redis:// or rediss:// (got scheme " + uri.getScheme() + ")");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("has no host");
    }
    if (uri.getRawQuery() != null) {
      throw new IllegalArgumentException("takes no query parameters");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    int database;
    try {
      database = path.isEmpty() ? 0 : Integer.parseInt(path);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException("database after the host must be a number, not " + path);
    }
    if (database < 0 || database > 255) {
      throw new IllegalArgumentException("database must be from 0 to 255");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = parts[0].isEmpty() ? null : PercentDecoding.decode(parts[0]);
      password = parts.length == 2 ? PercentDecoding.decode(parts[1]) : null;
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    return new RedisAddress(uri.getHost(), port, database, user, password, tls);
  }

  /** A printable form with the password hidden. */
  @Override
  public String toString() {
    String credentials = password == null ? "" : (user == null ? "" : user) + ":***@";
    return (tls ? "rediss://" : "redis://") + credentials + host + ":" + port + "/" + database;
  }
}
