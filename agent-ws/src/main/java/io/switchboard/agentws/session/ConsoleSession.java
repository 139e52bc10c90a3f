package io.switchboard.agentws.session;

import io.switchboard.core.console.VerifiedUser;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;

/**
 * One console WebSocket: its user, what it has been sent, its outbound queue and heartbeat. Every
 * method runs on the owner's ({@link ConsoleSessions}) context; Vert.x's own socket callbacks are
 * moved there first. Writes go straight to the socket while it keeps up; when Vert.x's write queue
 * is full they wait in a queue of at most {@code outboundLimit} frames, and one more cuts the
 * client off: a slow client is never buffered without bound.
 */
final class ConsoleSession {

  private static final Buffer PING = Buffer.buffer("hb");

  private final ServerWebSocket socket;
  private final VerifiedUser user;
  private final Set<String> roles;
  private final UserStream stream;
  private final Context owner;
  private final int outboundLimit;
  private final ConsoleMetrics metrics;
  private final ArrayDeque<String> outbound = new ArrayDeque<>();
  private boolean holding;
  private boolean drainArmed;
  private boolean closed;
  private int unansweredPings;
  private int unwritten;
  private int commandsInFlight;

  ConsoleSession(
      ServerWebSocket socket,
      VerifiedUser user,
      UserStream stream,
      Context owner,
      int outboundLimit,
      ConsoleMetrics metrics) {
    this.socket = socket;
    this.user = user;
    this.roles = Set.copyOf(user.roles());
    this.stream = stream;
    this.owner = owner;
    this.outboundLimit = outboundLimit;
    this.metrics = metrics;
  }

  VerifiedUser user() {
    return user;
  }

  Set<String> roles() {
    return roles;
  }

  UserStream stream() {
    return stream;
  }

  boolean closed() {
    return closed;
  }

  /** Sends a pushed message if this session may see it (its role, or its own user's). */
  void deliver(PushedMessage message) {
    if (message.role() == null || roles.contains(message.role())) {
      write(message.frame());
    }
  }

  /** From now on, frames wait until {@link #release(String)} (a snapshot is on its way). */
  void hold() {
    holding = true;
  }

  boolean holding() {
    return holding;
  }

  /** Drops the frames not yet sent: a snapshot or a resend is about to cover them. */
  void discardQueued() {
    outbound.clear();
  }

  /** Sends {@code first} (the snapshot) ahead of everything held since, then those. */
  void release(String first) {
    if (closed) {
      return;
    }
    holding = false;
    outbound.addFirst(first);
    flush();
  }

  /**
   * Replaces every unsent frame with {@code first} and the resent {@code messages} this session may
   * see, and sends them: a resend covers everything up to the stream's current position.
   */
  void resend(String first, List<PushedMessage> messages) {
    if (closed) {
      return;
    }
    holding = false;
    outbound.clear();
    outbound.add(first);
    for (PushedMessage message : messages) {
      if (message.role() == null || roles.contains(message.role())) {
        outbound.add(message.frame());
      }
    }
    flush();
  }

  /** Sends a frame, or queues it behind a full socket; cuts the client off beyond the bound. */
  void write(String frame) {
    if (closed || peerGone()) {
      return;
    }
    if (holding || !outbound.isEmpty() || full()) {
      if (outbound.size() >= outboundLimit) {
        metrics.slowClientCut();
        close(
            ConsoleLimits.CLOSE_POLICY, "too slow: " + outbound.size() + " messages waited unsent");
        return;
      }
      outbound.addLast(frame);
      if (!holding) {
        armDrain();
      }
      return;
    }
    send(frame);
  }

  private void flush() {
    while (!closed && !outbound.isEmpty() && !full()) {
      send(outbound.pollFirst());
    }
    if (!outbound.isEmpty()) {
      armDrain();
    }
  }

  /**
   * Vert.x's write queue is full, or {@code outboundLimit} frames were handed to Vert.x and not yet
   * written to the kernel: either way more would only pile up in memory.
   */
  private boolean full() {
    if (unwritten >= outboundLimit) {
      return true;
    }
    try {
      return socket.writeQueueFull();
    } catch (IllegalStateException closedMeanwhile) {
      // Closed since peerGone() looked: not full, so that send() finds it closed and ends the
      // session.
      return false;
    }
  }

  private void send(String frame) {
    if (peerGone()) {
      return;
    }
    unwritten++;
    try {
      socket.writeTextMessage(frame).onComplete(written -> owner.runOnContext(now -> written()));
    } catch (IllegalStateException closedMeanwhile) {
      // Vert.x throws when the peer's close landed between the check and the write.
      closedByPeer();
      return;
    }
    metrics.messageSent();
  }

  /**
   * The socket closed under us (the peer's close is on its way to {@link #closedByPeer} on the
   * sessions' context): nothing more may be written. Vert.x throws "WebSocket is closed" on a write
   * or ping to a closed socket, which would surface as an unhandled exception.
   */
  private boolean peerGone() {
    if (socket.isClosed()) {
      closedByPeer();
      return true;
    }
    return false;
  }

  private void written() {
    unwritten--;
    if (!closed && !holding && !outbound.isEmpty() && !full()) {
      flush();
    }
  }

  private void armDrain() {
    if (drainArmed || closed) {
      return;
    }
    drainArmed = true;
    socket.drainHandler(
        drained ->
            owner.runOnContext(
                now -> {
                  drainArmed = false;
                  flush();
                }));
  }

  /** A heartbeat tick: false (and closed) when the last pings went unanswered. */
  boolean ping(int allowedMisses) {
    if (closed) {
      return false;
    }
    if (unansweredPings >= allowedMisses) {
      close(
          ConsoleLimits.CLOSE_POLICY,
          "no pong to the last " + unansweredPings + " pings: the connection looks dead");
      return false;
    }
    if (peerGone()) {
      return false;
    }
    unansweredPings++;
    try {
      socket.writePing(PING);
    } catch (IllegalStateException closedMeanwhile) {
      closedByPeer();
      return false;
    }
    return true;
  }

  void pong() {
    unansweredPings = 0;
  }

  /** Reserves a command slot; false when {@link ConsoleLimits#MAX_COMMANDS_IN_FLIGHT} wait. */
  boolean startCommand() {
    if (commandsInFlight >= ConsoleLimits.MAX_COMMANDS_IN_FLIGHT) {
      return false;
    }
    commandsInFlight++;
    return true;
  }

  void endCommand() {
    commandsInFlight--;
  }

  /** Closes the socket with a code and reason; the close handler then removes the session. */
  void close(short code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    outbound.clear();
    stream.remove(this);
    metrics.sessionClosed(roles);
    socket.close(code, reason);
  }

  /** The socket closed (by the client, the network or us). */
  void closedByPeer() {
    if (closed) {
      return;
    }
    closed = true;
    outbound.clear();
    stream.remove(this);
    metrics.sessionClosed(roles);
  }
}
