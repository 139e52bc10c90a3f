package io.switchboard.ami.health;

import io.switchboard.core.config.AmiServerSettings;
import io.switchboard.core.health.HealthCheck;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * Readiness of one configured Asterisk server until the AMI client exists: the server accepts a TCP
 * connection and greets with the AMI banner line {@code Asterisk Call Manager/<version>} (Asterisk
 * {@code main/manager.c}, see reference/ami-protocol.md 1.1). The probe then closes without logging
 * in. The AMI client (issue #3) replaces this with the state of its logged-in connection.
 */
public final class AmiBannerProbe implements HealthCheck {

  /** The banner every Asterisk manager sends first. */
  static final String BANNER_PREFIX = "Asterisk Call Manager/";

  /** A banner longer than this is not an AMI banner. */
  private static final int MAX_BANNER_BYTES = 256;

  private final AmiServerSettings server;
  private final NetClient client;

  public AmiBannerProbe(Vertx vertx, AmiServerSettings server, int timeoutMs) {
    this.server = server;
    this.client =
        vertx.createNetClient(
            new NetClientOptions()
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs)
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS));
  }

  @Override
  public String name() {
    return "ami:" + server.id();
  }

  @Override
  public Future<Void> check() {
    return client
        .connect(server.port(), server.host())
        .recover(
            failed ->
                Future.failedFuture(
                    "cannot connect to "
                        + server.host()
                        + ":"
                        + server.port()
                        + ": "
                        + failed.getMessage()))
        .compose(this::awaitBanner);
  }

  private Future<Void> awaitBanner(NetSocket socket) {
    Promise<Void> banner = Promise.promise();
    Buffer received = Buffer.buffer();
    socket.handler(
        chunk -> {
          received.appendBuffer(chunk);
          String text = received.toString(StandardCharsets.UTF_8);
          int end = text.indexOf("\r\n");
          if (end >= 0) {
            String line = text.substring(0, end);
            if (line.startsWith(BANNER_PREFIX)) {
              banner.tryComplete();
            } else {
              banner.tryFail("answered with \"" + abbreviate(line) + "\", not an AMI banner");
            }
            socket.close();
          } else if (received.length() > MAX_BANNER_BYTES) {
            banner.tryFail("sent " + received.length() + " bytes without a banner line");
            socket.close();
          }
        });
    socket.closeHandler(closed -> banner.tryFail("closed the connection before its banner"));
    return banner.future();
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 60) + "…";
  }
}
