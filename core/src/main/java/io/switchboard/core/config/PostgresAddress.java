package io.switchboard.core.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a PostgreSQL database is and who to log in as. Parsed from {@code
 * postgresql://user:password@host:port/database} (also {@code postgres://} and {@code
 * jdbc:postgresql://}, with {@code ?user=&password=} accepted as in JDBC URLs).
 */
public record PostgresAddress(
    String host, int port, String database, String user, String password) {

  private static final int DEFAULT_PORT = 5432;

  /** Parses a URL; a malformed one throws {@link IllegalArgumentException} saying what is wrong. */
  public static PostgresAddress parse(String url) {
    String text = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("is not a URL: " + malformed.getReason());
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "must start with postgresql:// (got scheme " + uri.getScheme() + ")");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("has no host");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    if (database.isEmpty() || database.contains("/")) {
      throw new IllegalArgumentException("must name one database after the host (…:5432/name)");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = PercentDecoding.decode(parts[0]);
      password = parts.length == 2 ? PercentDecoding.decode(parts[1]) : null;
    }
    if (uri.getRawQuery() != null) {
      for (String parameter : uri.getRawQuery().split("&")) {
        String[] pair = parameter.split("=", 2);
        String value = pair.length == 2 ? PercentDecoding.decode(pair[1]) : "";
        switch (pair[0]) {
          case "user" -> user = value;
          case "password" -> password = value;
          default ->
              throw new IllegalArgumentException(
                  "has unsupported parameter '" + pair[0] + "' (supported: user, password)");
        }
      }
    }
    if (user == null || user.isEmpty()) {
      throw new IllegalArgumentException("names no user (postgresql://user@host/database)");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    return new PostgresAddress(uri.getHost(), port, database, user, password);
  }

  /** The same server and credentials, another database. */
  public PostgresAddress withDatabase(String otherDatabase) {
    return new PostgresAddress(host, port, otherDatabase, user, password);
  }

  /** The JDBC URL, without credentials, for tools that speak JDBC (migrations). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** A printable form with the password hidden. */
  @Override
  public String toString() {
    return "postgresql://"
        + user
        + (password == null ? "" : ":***")
        + "@"
        + host
        + ":"
        + port
        + "/"
        + database;
  }
}
