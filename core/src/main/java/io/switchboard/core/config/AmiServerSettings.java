package io.switchboard.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Asterisk server reached over AMI. The id is short and stable: it is stored on every call
 * record, so that calls from several servers never collide.
 */
public record AmiServerSettings(String id, String host, int port, String username, String secret) {

  private static final int DEFAULT_PORT = 5038;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  /**
   * Parses a comma-separated list of {@code id=ami://user:secret@host:port}; empty text is an empty
   * list. A malformed entry throws {@link IllegalArgumentException} saying which and why.
   */
  public static List<AmiServerSettings> parseList(String text) {
    List<AmiServerSettings> servers = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      AmiServerSettings server = parse(entry.trim());
      if (!ids.add(server.id())) {
        throw new IllegalArgumentException("server id '" + server.id() + "' appears twice");
      }
      servers.add(server);
    }
    return List.copyOf(servers);
  }

  private static AmiServerSettings parse(String entry) {
    int equals = entry.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException("entry must be id=ami://user:secret@host:port");
    }
    String id = entry.substring(0, equals).trim();
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "server id '" + id + "' must be 1 to 32 lower-case letters, digits, _ or -");
    }
    URI uri;
    try {
      uri = new URI(entry.substring(equals + 1).trim());
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("server " + id + ": not a URL: " + malformed.getReason());
    }
    if (!"ami".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("server " + id + ": must be ami://user:secret@host:port");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || !userInfo.contains(":") || userInfo.startsWith(":")) {
      throw new IllegalArgumentException("server " + id + ": needs a user and a secret");
    }
    String[] credentials = userInfo.split(":", 2);
    if (credentials[1].isEmpty()) {
      throw new IllegalArgumentException("server " + id + ": needs a user and a secret");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    return new AmiServerSettings(
        id,
        uri.getHost(),
        port,
        PercentDecoding.decode(credentials[0]),
        PercentDecoding.decode(credentials[1]));
  }

  /** A printable form with the secret hidden. */
  @Override
  public String toString() {
    return id + "=ami://" + username + ":***@" + host + ":" + port;
  }
}
