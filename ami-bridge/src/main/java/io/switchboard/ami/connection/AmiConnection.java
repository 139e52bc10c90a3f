package io.switchboard.ami.connection;

import io.switchboard.ami.codec.AmiCodecLimits;
import io.switchboard.ami.codec.AmiFrameDecoder;
import io.switchboard.ami.codec.AmiFrameEncoder;
import io.switchboard.ami.codec.AmiFrameListener;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.codec.AmiMessageKind;
import io.switchboard.ami.codec.AmiProtocolException;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP session with an Asterisk manager: bytes are decoded as they arrive (the socket is never
 * paused, since Asterisk drops a client that stops reading, reference/ami-protocol.md 1.5), each
 * action gets an {@code ActionID} and a timeout, answers are matched back to their action, list
 * actions (1.6) are collected into one {@link AmiReply}, and every other event goes to the {@link
 * AmiConnectionListener} in wire order. Any framing error closes the connection.
 *
 * <p>Threading: owned by the event-loop context that opened it; every method must be called there,
 * and futures complete there.
 */
public final class AmiConnection implements AmiFrameListener {

  private static final Logger LOG = LoggerFactory.getLogger(AmiConnection.class);

  /** Timed-out actions remembered so that late list items are not taken for live events. */
  private static final int EXPIRED_REMEMBERED = 256;

  private final Vertx vertx;
  private final Thread eventLoop;
  private final NetSocket socket;
  private final String peer;
  private final AmiConnectionOptions options;
  private final AmiConnectionListener listener;
  private final AmiFrameDecoder decoder;
  private final Promise<String> banner = Promise.promise();
  private final Map<String, PendingAction> pending = new HashMap<>();

  /** ActionID of a timed-out action to whether its late list items are still to be dropped. */
  private final Map<String, Boolean> expired =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > EXPIRED_REMEMBERED;
        }
      };

  private long sequence;
  private boolean closed;
  private String closeReason;

  AmiConnection(
      Vertx vertx,
      NetSocket socket,
      String peer,
      AmiConnectionOptions options,
      AmiConnectionListener listener) {
    this.vertx = vertx;
    this.eventLoop = Thread.currentThread();
    this.socket = socket;
    this.peer = peer;
    this.options = options;
    this.listener = listener;
    this.decoder = AmiFrameDecoder.forClient(this, AmiCodecLimits.FROM_ASTERISK);
    socket.handler(this::onBytes);
    socket.closeHandler(ignored -> close("the server closed the connection"));
    socket.exceptionHandler(failed -> close("I/O error: " + failed.getMessage()));
  }

  /** Completes with the banner line, or fails when the connection ends before it. */
  Future<String> banner() {
    return banner.future();
  }

  /** {@code host:port} of the server. */
  public String peer() {
    return peer;
  }

  public boolean isOpen() {
    return !closed;
  }

  /** Actions waiting for their answer now. */
  public int pendingActions() {
    return pending.size();
  }

  /**
   * Sends an action and completes with its whole answer. Fails with {@link AmiActionException} when
   * Asterisk answers {@code Response: Error}, and with a {@link SwitchboardException} coded {@code
   * TIMEOUT} when no (complete) answer arrives within the action timeout, {@code RATE_LIMITED} when
   * {@link AmiConnectionOptions#maxPendingActions()} actions already wait, {@code UNAVAILABLE} when
   * the connection is or becomes closed, {@code BAD_REQUEST} when a header could break the framing.
   *
   * @param action an action without {@code ActionID}: the connection assigns it
   */
  public Future<AmiReply> send(AmiMessage action) {
    checkContext();
    if (action.kind() != AmiMessageKind.ACTION || action.actionId() != null) {
      throw new IllegalArgumentException(
          "expected an action without ActionID (the connection assigns it), got " + action);
    }
    if (closed) {
      return Future.failedFuture(
          new SwitchboardException(
              ErrorCode.UNAVAILABLE,
              "AMI "
                  + action.name()
                  + " not sent: the session to "
                  + peer
                  + " has ended ("
                  + closeReason
                  + ")"));
    }
    if (pending.size() >= options.maxPendingActions()) {
      return Future.failedFuture(
          new SwitchboardException(
              ErrorCode.RATE_LIMITED,
              "AMI "
                  + action.name()
                  + " refused: "
                  + pending.size()
                  + " actions already wait for an answer from "
                  + peer
                  + " (limit "
                  + options.maxPendingActions()
                  + ")"));
    }
    String actionId = options.actionIdPrefix() + ++sequence;
    byte[] bytes;
    try {
      bytes = AmiFrameEncoder.encode(action.with("ActionID", actionId));
    } catch (IllegalArgumentException unsafe) {
      return Future.failedFuture(
          new SwitchboardException(
              ErrorCode.BAD_REQUEST, "AMI " + action.name() + " not sent: " + unsafe.getMessage()));
    }
    PendingAction entry = new PendingAction(actionId, action.name());
    long timeoutMs = options.actionTimeout().toMillis();
    entry.timerId = vertx.setTimer(timeoutMs, fired -> expire(entry, timeoutMs));
    pending.put(actionId, entry);
    socket.write(Buffer.buffer(bytes));
    return entry.promise.future();
  }

  /** Closes the socket; pending actions fail, and the listener hears {@code reason} once. */
  public Future<Void> close(String reason) {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    closeReason = reason;
    banner.tryFail("AMI connection to " + peer + " ended before its banner: " + reason);
    List<PendingAction> waiting = new ArrayList<>(pending.values());
    pending.clear();
    for (PendingAction entry : waiting) {
      vertx.cancelTimer(entry.timerId);
      entry.promise.tryFail(unavailable(entry.describe(), reason));
    }
    Future<Void> socketClosed = socket.close();
    try {
      listener.onClosed(reason);
    } catch (RuntimeException bug) {
      LOG.error("AMI connection listener failed on close of {}", peer, bug);
    }
    return socketClosed;
  }

  private void onBytes(Buffer chunk) {
    if (closed) {
      return;
    }
    byte[] bytes = chunk.getBytes();
    try {
      decoder.feed(bytes, 0, bytes.length);
    } catch (AmiProtocolException broken) {
      LOG.error(
          "AMI protocol error from {}: {}; closing the connection", peer, broken.getMessage());
      close("protocol error: " + broken.getMessage());
    }
  }

  @Override
  public void onBanner(String line) {
    banner.tryComplete(line);
  }

  @Override
  public void onMessage(AmiMessage message) {
    if (closed) {
      return;
    }
    switch (message.kind()) {
      case RESPONSE -> onResponse(message);
      case EVENT -> onEvent(message);
      default -> throw new AmiProtocolException("the server sent an action: " + message.name());
    }
  }

  private void onResponse(AmiMessage response) {
    String actionId = response.actionId();
    PendingAction entry = actionId == null ? null : pending.get(actionId);
    if (entry == null) {
      lateResponse(actionId, response);
      return;
    }
    if (entry.listStarted()) {
      LOG.warn("AMI {} answered twice by {}; ignoring {}", entry.describe(), peer, response);
      return;
    }
    if ("Error".equalsIgnoreCase(response.name())) {
      finish(entry);
      entry.promise.tryFail(new AmiActionException(entry.name, response));
    } else if ("start".equalsIgnoreCase(response.get("EventList"))) {
      entry.listResponse = response;
    } else {
      finish(entry);
      entry.promise.tryComplete(new AmiReply(actionId, response, List.of(), null));
    }
  }

  private void lateResponse(String actionId, AmiMessage response) {
    if (actionId != null && expired.containsKey(actionId)) {
      if ("start".equalsIgnoreCase(response.get("EventList"))) {
        expired.put(actionId, true);
      } else {
        expired.remove(actionId);
      }
      LOG.debug("AMI answer to timed-out ActionID {} from {} dropped", actionId, peer);
    } else {
      LOG.warn("AMI answer from {} matches no action waiting; dropped: {}", peer, response);
    }
  }

  private void onEvent(AmiMessage event) {
    String actionId = event.actionId();
    if (actionId != null) {
      PendingAction entry = pending.get(actionId);
      if (entry != null && entry.listStarted()) {
        listItem(entry, event);
        return;
      }
      if (Boolean.TRUE.equals(expired.get(actionId))) {
        if (endsList(event)) {
          expired.remove(actionId);
        }
        return;
      }
    }
    deliver(event);
  }

  private void listItem(PendingAction entry, AmiMessage event) {
    if (endsList(event)) {
      finish(entry);
      entry.promise.tryComplete(
          new AmiReply(entry.actionId, entry.listResponse, entry.items, event));
    } else if (entry.items.size() >= options.maxListItems()) {
      finish(entry);
      expired.put(entry.actionId, true);
      entry.promise.tryFail(
          new SwitchboardException(
              ErrorCode.PAYLOAD_TOO_LARGE,
              "AMI "
                  + entry.describe()
                  + " returned more than "
                  + options.maxListItems()
                  + " items; the rest are dropped"));
    } else {
      entry.items.add(event);
    }
  }

  private static boolean endsList(AmiMessage event) {
    String eventList = event.get("EventList");
    return "Complete".equalsIgnoreCase(eventList) || "cancelled".equalsIgnoreCase(eventList);
  }

  private void deliver(AmiMessage event) {
    long started = System.nanoTime();
    try {
      listener.onEvent(event);
    } catch (RuntimeException bug) {
      LOG.error("AMI event listener failed on {} from {}", event.name(), peer, bug);
    }
    long tookNanos = System.nanoTime() - started;
    if (tookNanos > options.listenerBudget().toNanos()) {
      String reason =
          "the event listener took "
              + tookNanos / 1_000_000
              + " ms on one "
              + event.name()
              + " event (budget "
              + options.listenerBudget().toMillis()
              + " ms); listeners must not block the connection's event loop";
      LOG.error("AMI connection to {}: {}; closing it", peer, reason);
      close(reason);
    }
  }

  private void expire(PendingAction entry, long timeoutMs) {
    if (pending.remove(entry.actionId) == null) {
      return;
    }
    expired.put(entry.actionId, entry.listStarted());
    String what = entry.listStarted() ? "the end of its list" : "its answer";
    entry.promise.tryFail(
        new SwitchboardException(
            ErrorCode.TIMEOUT,
            "AMI "
                + entry.describe()
                + " did not get "
                + what
                + " from "
                + peer
                + " within "
                + timeoutMs
                + " ms"));
  }

  private void finish(PendingAction entry) {
    pending.remove(entry.actionId);
    vertx.cancelTimer(entry.timerId);
  }

  private SwitchboardException unavailable(String what, String reason) {
    return new SwitchboardException(
        ErrorCode.UNAVAILABLE,
        "AMI session to " + peer + " ended before " + what + " was answered: " + reason);
  }

  /** An event-loop context is pinned to one thread; duplicated contexts share it. */
  private void checkContext() {
    if (Thread.currentThread() != eventLoop) {
      throw new IllegalStateException(
          "AmiConnection to " + peer + " used outside the context that opened it");
    }
  }
}
