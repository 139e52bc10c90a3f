package io.switchboard.pbxsim.server;

import io.switchboard.ami.codec.AmiFrameEncoder;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.pbxsim.model.ActionHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated manager's listening side: a Vert.x {@link NetServer} whose sessions behave as
 * {@code main/manager.c} does, and the event fan-out that gives each session only the classes its
 * mask admits. Must be created, started and used on one context (the simulator's): the server
 * listens from it, so every connection and every event delivery runs there.
 *
 * <p>While an action runs, events it causes are held back and delivered right after its response,
 * the order a real session sees (the response is written by the action, events by {@code
 * process_events} afterwards).
 */
public final class AmiServer {

  private static final Logger LOG = LoggerFactory.getLogger(AmiServer.class);

  /** Events held back during one action; an action that causes more is a bug, not a load. */
  private static final int MAX_HELD_EVENTS = 100_000;

  private final Vertx vertx;
  private final AmiServerSettings settings;
  private final ActionHandler handler;
  private final Set<AmiSession> sessions = new LinkedHashSet<>();
  private final ArrayDeque<AmiMessage> held = new ArrayDeque<>();
  private final long startMillis = System.currentTimeMillis();

  private java.util.function.Consumer<AmiSessionHandle> loginListener = s -> {};
  private FrameTap frameTap;
  private NetServer server;
  private int boundPort;
  private int holdDepth;
  private long slowSessionsDropped;
  private long eventsSent;

  public AmiServer(Vertx vertx, AmiServerSettings settings, ActionHandler handler) {
    this.vertx = vertx;
    this.settings = settings;
    this.handler = handler;
  }

  /** Starts listening; completes with the bound port. Call on the simulator's context. */
  public Future<Integer> start() {
    int port = boundPort > 0 ? boundPort : settings.port();
    NetServerOptions options = new NetServerOptions().setHost(settings.host()).setPort(port);
    options.setTcpNoDelay(true);
    if (settings.sendBufferSize() > 0) {
      options.setSendBufferSize(settings.sendBufferSize());
    }
    NetServer created = vertx.createNetServer(options);
    created.connectHandler(
        socket -> {
          AmiSession session = new AmiSession(this, socket, settings, handler, vertx);
          sessions.add(session);
          session.start();
        });
    return created
        .listen()
        .map(
            s -> {
              server = s;
              boundPort = s.actualPort();
              LOG.info(
                  "Simulated Asterisk manager (AMI {}) listening on {}:{}",
                  settings.amiVersion(),
                  settings.host(),
                  boundPort);
              return boundPort;
            });
  }

  /** The bound port, or 0 before the first start. */
  public int port() {
    return boundPort;
  }

  long startMillis() {
    return startMillis;
  }

  /** Stops listening and closes every session, as an Asterisk restart looks from outside. */
  public Future<Void> stopAcceptingAndDropClients() {
    List<AmiSession> open = new ArrayList<>(sessions);
    open.forEach(AmiSession::close);
    if (server == null) {
      return Future.succeededFuture();
    }
    NetServer closing = server;
    server = null;
    return closing.close();
  }

  /** Listens again on the same port after {@link #stopAcceptingAndDropClients()}. */
  public Future<Integer> resumeAccepting() {
    return server != null ? Future.succeededFuture(boundPort) : start();
  }

  public Future<Void> close() {
    return stopAcceptingAndDropClients();
  }

  /** Sends an event to every logged-in session whose mask admits its {@code Privilege} class. */
  public void broadcast(AmiMessage event) {
    if (holdDepth > 0) {
      if (held.size() >= MAX_HELD_EVENTS) {
        throw new IllegalStateException(
            "one action produced more than " + MAX_HELD_EVENTS + " events");
      }
      held.add(event);
      return;
    }
    deliver(event);
  }

  private void deliver(AmiMessage event) {
    eventsSent++;
    if (sessions.isEmpty()) {
      return;
    }
    int category = EventClass.ofPrivilege(event.get("Privilege"));
    byte[] encoded = AmiFrameEncoder.encode(event);
    for (AmiSession session : new ArrayList<>(sessions)) {
      if (session.deliver(category, encoded) && frameTap != null) {
        frameTap.written(event, session.remoteAddress(), System.nanoTime());
      }
    }
  }

  /** Sets (or with null removes) the tap told of every event frame written to a session. */
  public void frameTap(FrameTap tap) {
    this.frameTap = tap;
  }

  /** Runs {@code work} with events held back, then delivers them in order. */
  void holdingEvents(Runnable work) {
    holdDepth++;
    try {
      work.run();
    } finally {
      holdDepth--;
      if (holdDepth == 0) {
        while (!held.isEmpty()) {
          deliver(held.poll());
        }
      }
    }
  }

  /** Called on the server's context for each session right after a successful login. */
  public void onLogin(java.util.function.Consumer<AmiSessionHandle> listener) {
    this.loginListener = listener;
  }

  void loggedIn(AmiSession session) {
    loginListener.accept(session);
  }

  void sessionClosed(AmiSession session) {
    sessions.remove(session);
  }

  void slowSessionDropped() {
    slowSessionsDropped++;
  }

  /** Sessions dropped because they stopped reading (Asterisk's writetimeout). */
  public long slowSessionsDropped() {
    return slowSessionsDropped;
  }

  /** Open sessions, logged in or not. */
  public int sessionCount() {
    return sessions.size();
  }

  /** Logged-in sessions. */
  public int authenticatedSessionCount() {
    return (int) sessions.stream().filter(AmiSession::authenticated).count();
  }

  /** Events produced so far (before per-session filtering). */
  public long eventsSent() {
    return eventsSent;
  }
}
