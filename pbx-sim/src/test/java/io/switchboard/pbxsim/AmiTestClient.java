package io.switchboard.pbxsim;

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
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A minimal AMI client for tests: a real TCP socket and the real client-side codec (strict CRLF,
 * banner first). Records everything it receives and completes futures when a wanted message
 * arrives. Used on the Vert.x context that created it.
 */
public final class AmiTestClient implements AmiFrameListener {

  private static final AtomicLong IDS = new AtomicLong();

  private final NetSocket socket;
  private final AmiFrameDecoder decoder;
  private final List<AmiMessage> received = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final Promise<Void> closed = Promise.promise();
  private final Promise<String> banner = Promise.promise();

  private AmiTestClient(NetSocket socket) {
    this.socket = socket;
    this.decoder = AmiFrameDecoder.forClient(this, AmiCodecLimits.FROM_ASTERISK);
    socket.handler(this::onData);
    socket.closeHandler(v -> closed.tryComplete());
  }

  public static Future<AmiTestClient> connect(Vertx vertx, int port) {
    return connect(vertx, port, new NetClientOptions());
  }

  public static Future<AmiTestClient> connect(Vertx vertx, int port, NetClientOptions options) {
    return vertx.createNetClient(options).connect(port, "127.0.0.1").map(AmiTestClient::new);
  }

  /** Connects, waits for the banner and logs in with a plain secret. */
  public static Future<AmiTestClient> loggedIn(Vertx vertx, int port, String events) {
    return connect(vertx, port)
        .compose(
            c ->
                c.banner()
                    .compose(
                        b -> {
                          AmiMessage.Builder login =
                              AmiMessage.action("Login")
                                  .with("Username", "admin")
                                  .with("Secret", "admin");
                          if (events != null) {
                            login.with("Events", events);
                          }
                          return c.request(login);
                        })
                    .map(
                        r -> {
                          if (!"Success".equals(r.name())) {
                            throw new IllegalStateException("login failed: " + r);
                          }
                          return c;
                        }));
  }

  private void onData(Buffer data) {
    byte[] bytes = data.getBytes();
    decoder.feed(bytes, 0, bytes.length);
  }

  @Override
  public void onBanner(String text) {
    banner.tryComplete(text);
  }

  @Override
  public void onMessage(AmiMessage message) {
    received.add(message);
    List<Waiter> done = new ArrayList<>();
    for (Waiter waiter : waiters) {
      if (waiter.matches(message)) {
        done.add(waiter);
      }
    }
    waiters.removeAll(done);
    done.forEach(w -> w.promise.tryComplete(message));
  }

  public Future<String> banner() {
    return banner.future();
  }

  public Future<Void> closed() {
    return closed.future();
  }

  public NetSocket socket() {
    return socket;
  }

  /** Everything received so far, in order. */
  public List<AmiMessage> received() {
    return received;
  }

  /** The events received so far, in order. */
  public List<AmiMessage> events() {
    return received.stream().filter(m -> m.kind() == AmiMessageKind.EVENT).toList();
  }

  /** Sends raw bytes (for framing tests). */
  public void sendRaw(String text) {
    socket.write(text);
  }

  public void send(AmiMessage message) {
    socket.write(Buffer.buffer(AmiFrameEncoder.encode(message)));
  }

  /** Sends an action with a fresh ActionID and completes with its response. */
  public Future<AmiMessage> request(AmiMessage.Builder action) {
    String id = "t-" + IDS.incrementAndGet();
    AmiMessage message = action.with("ActionID", id).build();
    Future<AmiMessage> response =
        next(m -> m.kind() == AmiMessageKind.RESPONSE && id.equals(m.actionId()));
    send(message);
    return response;
  }

  /** Sends a list action and completes with every block up to its {@code EventList: Complete}. */
  public Future<List<AmiMessage>> list(AmiMessage.Builder action) {
    String id = "l-" + IDS.incrementAndGet();
    AmiMessage message = action.with("ActionID", id).build();
    int from = received.size();
    Future<AmiMessage> end =
        next(m -> id.equals(m.actionId()) && "Complete".equalsIgnoreCase(m.get("EventList")));
    send(message);
    return end.map(
        last ->
            received.subList(from, received.size()).stream()
                .filter(m -> id.equals(m.actionId()))
                .toList());
  }

  /** Completes with the first message matching, counting ones already received. */
  public Future<AmiMessage> await(Predicate<AmiMessage> wanted) {
    for (AmiMessage m : received) {
      if (wanted.test(m)) {
        return Future.succeededFuture(m);
      }
    }
    return next(wanted);
  }

  /** Completes with the first event of this name, counting ones already received. */
  public Future<AmiMessage> awaitEvent(String name) {
    return await(m -> m.isEvent(name));
  }

  /** Completes with the next matching message not yet received. */
  public Future<AmiMessage> next(Predicate<AmiMessage> wanted) {
    Waiter waiter = new Waiter(wanted);
    waiters.add(waiter);
    return waiter.promise.future();
  }

  public Future<Void> close() {
    return socket.close();
  }

  private static final class Waiter {
    private final Predicate<AmiMessage> wanted;
    private final Promise<AmiMessage> promise = Promise.promise();

    Waiter(Predicate<AmiMessage> wanted) {
      this.wanted = wanted;
    }

    boolean matches(AmiMessage m) {
      return wanted.test(m);
    }
  }
}
