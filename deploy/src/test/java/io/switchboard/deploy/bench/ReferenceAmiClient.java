package io.switchboard.deploy.bench;

import io.switchboard.ami.codec.AmiCodecLimits;
import io.switchboard.ami.codec.AmiFrameDecoder;
import io.switchboard.ami.codec.AmiFrameEncoder;
import io.switchboard.ami.codec.AmiFrameListener;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.codec.AmiMessageKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

/**
 * The reference path: a bare AMI client in the harness (a Vert.x socket and the AMI codec, nothing
 * else) logged in to the simulator with the {@code agent} event class, telling a {@link PathTimer}
 * when each {@code AgentCalled} arrives. It sees the same frames as the node at the same moment, so
 * its latency is what the network path and the simulator's event loop cost without the node. Runs
 * on its socket's event loop.
 */
final class ReferenceAmiClient implements AmiFrameListener {

  private final NetClient client;
  private final NetSocket socket;
  private final AmiFrameDecoder decoder;
  private final PathTimer timer;
  private final Promise<Void> loggedIn = Promise.promise();

  private ReferenceAmiClient(NetClient client, NetSocket socket, PathTimer timer) {
    this.client = client;
    this.socket = socket;
    this.timer = timer;
    this.decoder = AmiFrameDecoder.forClient(this, AmiCodecLimits.FROM_ASTERISK);
    socket.handler(this::onData);
  }

  /** Connects and logs in as admin/admin with {@code Events: agent}. */
  static Future<ReferenceAmiClient> start(Vertx vertx, int port, PathTimer timer) {
    // Held in a field: Vert.x closes a client (and its sockets) once nothing refers to it.
    NetClient client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    return client
        .connect(port, "127.0.0.1")
        .compose(
            socket -> {
              ReferenceAmiClient reference = new ReferenceAmiClient(client, socket, timer);
              return reference.loggedIn.future().map(v -> reference);
            });
  }

  /** The client's end of the connection, as the simulator names the session. */
  SocketAddress localAddress() {
    return socket.localAddress();
  }

  Future<Void> close() {
    return socket.close().transform(ar -> client.close());
  }

  private void onData(Buffer data) {
    byte[] bytes = data.getBytes();
    decoder.feed(bytes, 0, bytes.length);
  }

  @Override
  public void onBanner(String banner) {
    AmiMessage login =
        AmiMessage.action("Login")
            .with("ActionID", "bench-login")
            .with("Username", "admin")
            .with("Secret", "admin")
            .with("Events", "agent")
            .build();
    socket.write(Buffer.buffer(AmiFrameEncoder.encode(login)));
  }

  @Override
  public void onMessage(AmiMessage message) {
    if (message.isEvent("AgentCalled")) {
      timer.arrived(AgentCalledTap.key(message), System.nanoTime());
    } else if (message.kind() == AmiMessageKind.RESPONSE
        && "bench-login".equals(message.actionId())) {
      if ("Success".equals(message.name())) {
        loggedIn.tryComplete();
      } else {
        loggedIn.tryFail("reference AMI login refused: " + message);
      }
    }
  }
}
