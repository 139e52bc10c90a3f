package io.switchboard.core.embedded;

import io.switchboard.core.SuppressForbidden;
import io.switchboard.core.config.RedisAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server run from the binary shipped in a Maven artifact, for dev mode and for tests
 * on a machine without one. Listens on loopback only, on a free port. With a data directory it
 * keeps an append-only file there, so data outlives restarts. Blocking: start-up and test set-up
 * only.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  private final RedisServer server;
  private final int port;

  private EmbeddedRedisServer(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where the append-only file is kept, or null for a server that keeps
   *     nothing
   */
  @SuppressForbidden(reason = "starts a process at start-up, before event loops take work")
  public static EmbeddedRedisServer start(Path dataDirectory) {
    try {
      int port = freePort();
      var builder =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("protected-mode yes")
              .setting("maxmemory 256mb")
              .setting("maxmemory-policy noeviction");
      if (dataDirectory != null) {
        Files.createDirectories(dataDirectory);
        builder
            .setting("dir " + quoted(dataDirectory.toAbsolutePath().toString()))
            .setting("appendonly yes")
            .setting("appendfsync everysec")
            .setting("save \"\"");
      } else {
        builder.setting("appendonly no").setting("save \"\"");
      }
      RedisServer server = builder.build();
      server.start();
      return new EmbeddedRedisServer(server, port);
    } catch (IOException failed) {
      throw new UncheckedIOException(
          "could not start embedded Redis: " + failed.getMessage(), failed);
    }
  }

  /** The address of this server, database 0. */
  public RedisAddress address() {
    return new RedisAddress("127.0.0.1", port, 0, null, null, false);
  }

  public int port() {
    return port;
  }

  /** Stops the server; an append-only file, if any, is kept. */
  @Override
  @SuppressForbidden(reason = "stops a process at shutdown")
  public void close() {
    try {
      server.stop();
    } catch (IOException failed) {
      throw new UncheckedIOException("could not stop embedded Redis", failed);
    }
  }

  /** A value quoted for redis.conf, which splits unquoted values at spaces. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
