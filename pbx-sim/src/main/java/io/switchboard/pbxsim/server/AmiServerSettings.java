package io.switchboard.pbxsim.server;

import java.util.Map;

/**
 * How the simulated manager listens and what it tolerates. The defaults are Asterisk's own ({@code
 * main/manager.c}: {@code writetimeout} 100 ms, {@code authtimeout} 30 s, a failed login answered
 * after {@code sleep(1)}); the outbound and pending-action bounds are ours, because a Vert.x server
 * must never let one session grow memory.
 *
 * @param host address to bind
 * @param port TCP port; 0 picks a free one
 * @param amiVersion version in the banner: 7.0.3 is Asterisk 18, 9.0.0 Asterisk 20 (reference 1.1)
 * @param asteriskVersion what {@code CoreSettings} reports as {@code AsteriskVersion}
 * @param users manager accounts, user name to secret
 * @param writeTimeoutMillis a session whose socket stays unwritable this long is dropped
 * @param maxOutboundBytes bytes a session may have written but not yet flushed before it is dropped
 * @param maxPendingActions actions a session may queue behind a running one before it is dropped
 * @param authTimeoutMillis an unauthenticated session is closed after this long
 * @param failedLoginDelayMillis delay before the {@code Authentication failed} reply
 * @param sendBufferSize the server socket's send buffer in bytes; 0 keeps the OS default
 */
public record AmiServerSettings(
    String host,
    int port,
    String amiVersion,
    String asteriskVersion,
    Map<String, String> users,
    long writeTimeoutMillis,
    int maxOutboundBytes,
    int maxPendingActions,
    long authTimeoutMillis,
    long failedLoginDelayMillis,
    int sendBufferSize) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 5038;
  public static final String AMI_VERSION_ASTERISK_18 = "7.0.3";
  public static final String AMI_VERSION_ASTERISK_20 = "9.0.0";
  public static final String DEFAULT_USER = "admin";
  public static final String DEFAULT_SECRET = "admin";
  public static final long DEFAULT_WRITE_TIMEOUT_MILLIS = 100;
  public static final int DEFAULT_MAX_OUTBOUND_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_PENDING_ACTIONS = 1024;
  public static final long DEFAULT_AUTH_TIMEOUT_MILLIS = 30_000;
  public static final long DEFAULT_FAILED_LOGIN_DELAY_MILLIS = 1_000;

  public AmiServerSettings {
    users = Map.copyOf(users);
    require(port >= 0 && port <= 65535, "port must be 0..65535, got " + port);
    require(amiVersion != null && !amiVersion.isBlank(), "amiVersion must be set");
    require(!users.isEmpty(), "at least one manager user is needed");
    require(writeTimeoutMillis > 0, "writeTimeoutMillis must be positive");
    require(maxOutboundBytes >= 64 * 1024, "maxOutboundBytes must be at least 64 KiB");
    require(maxPendingActions > 0, "maxPendingActions must be positive");
    require(authTimeoutMillis > 0, "authTimeoutMillis must be positive");
    require(failedLoginDelayMillis >= 0, "failedLoginDelayMillis must not be negative");
    require(sendBufferSize >= 0, "sendBufferSize must not be negative");
  }

  /** Asterisk 18 defaults on {@code port}, account admin/admin. */
  public static AmiServerSettings defaults(int port) {
    return new AmiServerSettings(
        DEFAULT_HOST,
        port,
        AMI_VERSION_ASTERISK_18,
        asteriskVersionFor(AMI_VERSION_ASTERISK_18),
        Map.of(DEFAULT_USER, DEFAULT_SECRET),
        DEFAULT_WRITE_TIMEOUT_MILLIS,
        DEFAULT_MAX_OUTBOUND_BYTES,
        DEFAULT_MAX_PENDING_ACTIONS,
        DEFAULT_AUTH_TIMEOUT_MILLIS,
        DEFAULT_FAILED_LOGIN_DELAY_MILLIS,
        0);
  }

  /** The release a banner version belongs to (reference 1.1), for {@code CoreSettings}. */
  public static String asteriskVersionFor(String amiVersion) {
    return switch (amiVersion) {
      case AMI_VERSION_ASTERISK_20 -> "20.20.1";
      case "2.10.6" -> "13.38.3";
      case "5.0.5" -> "16.30.1";
      default -> "18.26.4";
    };
  }

  public AmiServerSettings withHost(String newHost) {
    return new AmiServerSettings(
        newHost,
        port,
        amiVersion,
        asteriskVersion,
        users,
        writeTimeoutMillis,
        maxOutboundBytes,
        maxPendingActions,
        authTimeoutMillis,
        failedLoginDelayMillis,
        sendBufferSize);
  }

  public AmiServerSettings withPort(int newPort) {
    return new AmiServerSettings(
        host,
        newPort,
        amiVersion,
        asteriskVersion,
        users,
        writeTimeoutMillis,
        maxOutboundBytes,
        maxPendingActions,
        authTimeoutMillis,
        failedLoginDelayMillis,
        sendBufferSize);
  }

  public AmiServerSettings withAmiVersion(String version) {
    return new AmiServerSettings(
        host,
        port,
        version,
        asteriskVersionFor(version),
        users,
        writeTimeoutMillis,
        maxOutboundBytes,
        maxPendingActions,
        authTimeoutMillis,
        failedLoginDelayMillis,
        sendBufferSize);
  }

  public AmiServerSettings withUser(String user, String secret) {
    return new AmiServerSettings(
        host,
        port,
        amiVersion,
        asteriskVersion,
        Map.of(user, secret),
        writeTimeoutMillis,
        maxOutboundBytes,
        maxPendingActions,
        authTimeoutMillis,
        failedLoginDelayMillis,
        sendBufferSize);
  }

  public AmiServerSettings withFailedLoginDelayMillis(long millis) {
    return new AmiServerSettings(
        host,
        port,
        amiVersion,
        asteriskVersion,
        users,
        writeTimeoutMillis,
        maxOutboundBytes,
        maxPendingActions,
        authTimeoutMillis,
        millis,
        sendBufferSize);
  }

  public AmiServerSettings withBackPressure(
      long writeTimeout, int maxOutbound, int socketSendBuffer) {
    return new AmiServerSettings(
        host,
        port,
        amiVersion,
        asteriskVersion,
        users,
        writeTimeout,
        maxOutbound,
        maxPendingActions,
        authTimeoutMillis,
        failedLoginDelayMillis,
        socketSendBuffer);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("AMI server settings: " + message);
    }
  }
}
