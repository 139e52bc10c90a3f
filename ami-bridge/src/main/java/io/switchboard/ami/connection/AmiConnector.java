package io.switchboard.ami.connection;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

/**
 * Opens {@link AmiConnection}s to Asterisk managers over one Vert.x {@code NetClient}: a connection
 * is handed out once the server's banner line has arrived (reference/ami-protocol.md 1.1). The TCP
 * connect and the banner together have the action timeout.
 *
 * <p>Threading: {@link #connect} must be called on the event-loop context that will own the
 * connection.
 */
public final class AmiConnector {

  private final Vertx vertx;
  private final AmiConnectionOptions options;
  private final NetClient client;

  public AmiConnector(Vertx vertx, AmiConnectionOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.client =
        vertx.createNetClient(
            new NetClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs()))
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true));
  }

  /**
   * Connects and waits for the banner.
   *
   * @return the open connection, or a failure coded {@code UNAVAILABLE} (refused, unreachable, not
   *     an AMI server) or {@code TIMEOUT} (no banner in time) that names the server
   */
  public Future<AmiConnected> connect(String host, int port, AmiConnectionListener listener) {
    String peer = host + ":" + port;
    return client
        .connect(port, host)
        .recover(
            failed ->
                Future.failedFuture(
                    new SwitchboardException(
                        ErrorCode.UNAVAILABLE,
                        "cannot connect to AMI at " + peer + ": " + failed.getMessage(),
                        failed)))
        .compose(socket -> awaitBanner(socket, peer, listener));
  }

  private Future<AmiConnected> awaitBanner(
      NetSocket socket, String peer, AmiConnectionListener listener) {
    AmiConnection connection = new AmiConnection(vertx, socket, peer, options, listener);
    Promise<AmiConnected> result = Promise.promise();
    long timer =
        vertx.setTimer(
            timeoutMs(),
            fired -> {
              String reason = "no AMI banner from " + peer + " within " + timeoutMs() + " ms";
              if (result.tryFail(new SwitchboardException(ErrorCode.TIMEOUT, reason))) {
                connection.close(reason);
              }
            });
    connection
        .banner()
        .onComplete(
            banner -> {
              vertx.cancelTimer(timer);
              if (banner.succeeded()) {
                result.tryComplete(new AmiConnected(connection, banner.result()));
              } else {
                result.tryFail(
                    new SwitchboardException(ErrorCode.UNAVAILABLE, banner.cause().getMessage()));
              }
            });
    return result.future();
  }

  /** Closes the underlying client and every connection it opened. */
  public Future<Void> close() {
    return client.close();
  }

  private long timeoutMs() {
    return options.actionTimeout().toMillis();
  }
}
