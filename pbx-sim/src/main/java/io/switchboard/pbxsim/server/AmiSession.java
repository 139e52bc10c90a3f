package io.switchboard.pbxsim.server;

import io.switchboard.ami.codec.AmiCodecLimits;
import io.switchboard.ami.codec.AmiFrameDecoder;
import io.switchboard.ami.codec.AmiFrameEncoder;
import io.switchboard.ami.codec.AmiFrameListener;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.codec.AmiProtocolException;
import io.switchboard.pbxsim.model.ActionHandler;
import io.switchboard.pbxsim.model.Replies;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One manager connection, as {@code session_do} in {@code main/manager.c} runs it: the banner,
 * actions handled one after another, login state and the session's event mask, and the write side
 * with Asterisk's {@code writetimeout} rule (a peer that stops reading is dropped, reference 1.5).
 * Lives on the simulator's context; never touched from another thread.
 */
final class AmiSession implements AmiFrameListener, AmiSessionHandle {

  private static final Logger LOG = LoggerFactory.getLogger(AmiSession.class);

  private final AmiServer server;
  private final NetSocket socket;
  private final AmiServerSettings settings;
  private final ActionHandler handler;
  private final Vertx vertx;
  private final AmiFrameDecoder decoder;
  private final SessionActions actions;
  private final ArrayDeque<AmiMessage> pending = new ArrayDeque<>();

  private boolean busy;
  private boolean closed;
  private long outboundBytes;
  private long slowTimer = -1;
  private long authTimer = -1;

  AmiSession(
      AmiServer server,
      NetSocket socket,
      AmiServerSettings settings,
      ActionHandler handler,
      Vertx vertx) {
    this.server = server;
    this.socket = socket;
    this.settings = settings;
    this.handler = handler;
    this.vertx = vertx;
    this.decoder = AmiFrameDecoder.forServer(this, AmiCodecLimits.AS_ASTERISK_READS);
    this.actions = new SessionActions(this, settings, server.startMillis());
  }

  void start() {
    socket.handler(this::onData);
    socket.closeHandler(v -> onClosed());
    socket.exceptionHandler(
        e -> LOG.debug("AMI session {}: {}", socket.remoteAddress(), e.toString()));
    socket.drainHandler(v -> cancelSlowTimer());
    writeBytes(
        Buffer.buffer(
            ("Asterisk Call Manager/" + settings.amiVersion() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
    authTimer =
        vertx.setTimer(
            settings.authTimeoutMillis(),
            id -> {
              authTimer = -1;
              if (!actions.authenticated()) {
                LOG.info("AMI session {} did not log in in time; closing", socket.remoteAddress());
                close();
              }
            });
  }

  boolean authenticated() {
    return actions.authenticated();
  }

  int eventMask() {
    return actions.eventMask();
  }

  void loggedIn() {
    if (authTimer >= 0) {
      vertx.cancelTimer(authTimer);
      authTimer = -1;
    }
  }

  /** After the login reply and FullyBooted went out. */
  void afterLogin() {
    server.loggedIn(this);
  }

  @Override
  public boolean open() {
    return !closed;
  }

  Vertx vertx() {
    return vertx;
  }

  private void onData(Buffer data) {
    if (closed) {
      return;
    }
    byte[] bytes = data.getBytes();
    try {
      decoder.feed(bytes, 0, bytes.length);
    } catch (AmiProtocolException e) {
      // The codec cannot resynchronise after a framing error, so the session ends here.
      LOG.info(
          "AMI session {} sent bad framing ({}); closing", socket.remoteAddress(), e.getMessage());
      close();
    }
  }

  @Override
  public void onBanner(String banner) {
    // A server-side decoder never sees a banner.
  }

  @Override
  public void onMessage(AmiMessage message) {
    if (closed) {
      return;
    }
    if (pending.size() >= settings.maxPendingActions()) {
      LOG.warn(
          "AMI session {} queued more than {} actions behind a running one; closing",
          socket.remoteAddress(),
          settings.maxPendingActions());
      close();
      return;
    }
    pending.add(message);
    drain();
  }

  private void drain() {
    while (!busy && !closed && !pending.isEmpty()) {
      AmiMessage action = pending.poll();
      busy = true;
      Future<Void> done = process(action);
      if (done.isComplete()) {
        busy = false;
      } else {
        done.onComplete(
            ar -> {
              busy = false;
              drain();
            });
      }
    }
  }

  /** {@code process_message}: find the action, check login, run it. */
  private Future<Void> process(AmiMessage message) {
    String action = actionName(message);
    if (action.isEmpty()) {
      send(Replies.error(message, "Missing action in request"));
      return Future.succeededFuture();
    }
    String lower = action.toLowerCase(Locale.ROOT);
    boolean loginPhase =
        lower.equals("login") || lower.equals("logoff") || lower.equals("challenge");
    if (!actions.authenticated() && !loginPhase) {
      send(Replies.error(message, "Permission denied"));
      return Future.succeededFuture();
    }
    Future<Void> own = actions.handle(lower, message);
    if (own != null) {
      return own;
    }
    if (handler.knows(action)) {
      Promise<Void> done = Promise.promise();
      server.holdingEvents(
          () -> handler.handle(message, this::send).whenComplete((v, e) -> done.tryComplete()));
      return done.future();
    }
    send(
        Replies.error(
            message,
            "Invalid/unknown command: "
                + action
                + ". Use Action: ListCommands to show available commands."));
    return Future.succeededFuture();
  }

  /** {@code __astman_get_header(m, "Action", GET_HEADER_SKIP_EMPTY)}. */
  private static String actionName(AmiMessage message) {
    for (String value : message.getAll("Action")) {
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  /** Writes one message to this session only (responses, list items, FullyBooted). */
  @Override
  public void send(AmiMessage message) {
    if (!closed) {
      writeBytes(Buffer.buffer(AmiFrameEncoder.encode(message)));
    }
  }

  /**
   * Writes an already-encoded event when the session's mask lets its class through; true when it
   * was handed to the socket.
   */
  boolean deliver(int category, byte[] encoded) {
    if (!closed && actions.authenticated() && EventClass.delivers(actions.eventMask(), category)) {
      return writeBytes(Buffer.buffer(encoded));
    }
    return false;
  }

  SocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  private boolean writeBytes(Buffer bytes) {
    int length = bytes.length();
    outboundBytes += length;
    if (outboundBytes > settings.maxOutboundBytes()) {
      dropSlow("more than " + settings.maxOutboundBytes() + " bytes unsent");
      return false;
    }
    socket.write(bytes).onComplete(ar -> outboundBytes -= length);
    if (socket.writeQueueFull() && slowTimer < 0) {
      slowTimer =
          vertx.setTimer(
              settings.writeTimeoutMillis(),
              id -> {
                slowTimer = -1;
                if (socket.writeQueueFull()) {
                  dropSlow("socket unwritable for " + settings.writeTimeoutMillis() + " ms");
                }
              });
    }
    return true;
  }

  private void cancelSlowTimer() {
    if (slowTimer >= 0) {
      vertx.cancelTimer(slowTimer);
      slowTimer = -1;
    }
  }

  private void dropSlow(String why) {
    if (closed) {
      return;
    }
    LOG.warn("AMI session {} does not read ({}); dropping it", socket.remoteAddress(), why);
    server.slowSessionDropped();
    close();
  }

  /** Ends the session after what was written has been flushed (Logoff, failed login). */
  void closeAfterWrites() {
    if (!closed) {
      closed = true;
      pending.clear();
      socket.end();
    }
  }

  void close() {
    if (!closed) {
      closed = true;
      pending.clear();
      socket.close();
    }
  }

  private void onClosed() {
    closed = true;
    cancelSlowTimer();
    if (authTimer >= 0) {
      vertx.cancelTimer(authTimer);
    }
    server.sessionClosed(this);
  }
}
