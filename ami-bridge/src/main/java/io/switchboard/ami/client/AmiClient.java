package io.switchboard.ami.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.connection.AmiConnection;
import io.switchboard.ami.connection.AmiConnectionListener;
import io.switchboard.ami.connection.AmiConnectionOptions;
import io.switchboard.ami.connection.AmiConnector;
import io.switchboard.ami.connection.AmiReply;
import io.switchboard.core.config.AmiClientSettings;
import io.switchboard.core.config.AmiServerSettings;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.health.HealthCheck;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI client of one Asterisk server: connects, logs in (plain or MD5), resyncs with {@code
 * CoreShowChannels} and {@code QueueStatus}, delivers events to the {@link AmiSessionListener},
 * keeps the session alive with {@code Ping}, and after any loss, failed login or protocol error
 * reconnects with jittered exponential back-off (reference/ami-protocol.md 1.3 to 1.5).
 *
 * <p>Threading: started on its verticle's event-loop context, which owns all its state; the
 * listener is called there. {@link #send} and {@link #healthCheck} may be used from any context.
 */
public final class AmiClient {

  private static final Logger LOG = LoggerFactory.getLogger(AmiClient.class);

  /** Events that may arrive between login and the end of the resync; more ends the session. */
  public static final int RESYNC_BUFFER_LIMIT = 50_000;

  /** Stopping waits this long for Asterisk's Goodbye before closing the socket anyway. */
  private static final long LOGOFF_WAIT_MS = 1_000;

  private final Vertx vertx;
  private final AmiServerSettings server;
  private final AmiClientSettings settings;
  private final AmiConnectionOptions connectionOptions;
  private final AmiSessionListener listener;
  private final AmiReconnectPolicy backoff;
  private final AmiClientMetrics metrics;

  private volatile AmiClientState state = AmiClientState.DISCONNECTED;
  private volatile String lastProblem = "not started";
  private Context context;
  private AmiConnector connector;
  private Session session;
  private int sessions;
  private int failures;
  private long reconnectTimer = -1;
  private long pingTimer = -1;
  private boolean pingOutstanding;
  private boolean stopping;

  public AmiClient(
      Vertx vertx,
      AmiServerSettings server,
      AmiClientSettings settings,
      AmiSessionListener listener,
      MeterRegistry registry) {
    this(
        vertx,
        server,
        settings,
        AmiConnectionOptions.defaults().withActionTimeout(settings.actionTimeout()),
        listener,
        registry);
  }

  /** A client with explicit connection bounds (tests use small ones). */
  public AmiClient(
      Vertx vertx,
      AmiServerSettings server,
      AmiClientSettings settings,
      AmiConnectionOptions connectionOptions,
      AmiSessionListener listener,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.server = server;
    this.settings = settings;
    this.connectionOptions = connectionOptions;
    this.listener = listener;
    this.backoff =
        new AmiReconnectPolicy(settings.reconnectMinDelay(), settings.reconnectMaxDelay());
    this.metrics = new AmiClientMetrics(registry, server.id(), () -> state);
  }

  public String serverId() {
    return server.id();
  }

  public AmiClientState state() {
    return state;
  }

  /** Readiness {@code ami:<id>}: up only while the session is logged in. */
  public HealthCheck healthCheck() {
    return new HealthCheck() {
      @Override
      public String name() {
        return "ami:" + server.id();
      }

      @Override
      public Future<Void> check() {
        AmiClientState now = state;
        return now.loggedIn()
            ? Future.succeededFuture()
            : Future.failedFuture(
                "not logged in to "
                    + server.host()
                    + ":"
                    + server.port()
                    + " ("
                    + now.label()
                    + "; last problem: "
                    + lastProblem
                    + ")");
      }
    };
  }

  /** Starts the first connection attempt; call once, on the owning event-loop context. */
  public Future<Void> start() {
    if (context != null) {
      return Future.failedFuture(new IllegalStateException("AMI client already started"));
    }
    context = vertx.getOrCreateContext();
    connector = new AmiConnector(vertx, connectionOptions.withActionIdPrefix(server.id() + "-"));
    connect();
    return Future.succeededFuture();
  }

  /** Logs off (waiting briefly for Goodbye), closes the session and stops reconnecting. */
  public Future<Void> stop() {
    if (context == null || stopping) {
      return Future.succeededFuture();
    }
    stopping = true;
    vertx.cancelTimer(reconnectTimer);
    vertx.cancelTimer(pingTimer);
    Session current = session;
    Promise<Void> loggedOff = Promise.promise();
    if (current != null && state.loggedIn()) {
      long timer = vertx.setTimer(LOGOFF_WAIT_MS, fired -> loggedOff.tryComplete());
      current
          .connection
          .send(AmiMessage.action("Logoff").build())
          .onComplete(
              done -> {
                vertx.cancelTimer(timer);
                loggedOff.tryComplete();
              });
    } else {
      loggedOff.complete();
    }
    return loggedOff
        .future()
        .compose(
            done -> {
              if (session != null) {
                end(session, "the client is stopping");
              }
              setState(AmiClientState.STOPPED);
              return connector.close();
            });
  }

  /**
   * Sends an action on the logged-in session; callable from any context, the future completes on
   * the caller's context. Fails coded {@code UNAVAILABLE} when the server is not logged in now, and
   * as {@link AmiConnection#send} otherwise.
   */
  public Future<AmiReply> send(AmiMessage action) {
    if (context == null) {
      return Future.failedFuture(notConnected());
    }
    Context caller = vertx.getOrCreateContext();
    Promise<AmiReply> result = Promise.promise();
    context.runOnContext(
        ignored ->
            sendHere(action)
                .onComplete(outcome -> caller.runOnContext(back -> result.handle(outcome))));
    return result.future();
  }

  private Future<AmiReply> sendHere(AmiMessage action) {
    Session current = session;
    if (current == null || !state.loggedIn()) {
      return Future.failedFuture(notConnected());
    }
    try {
      return timed(current.connection, action);
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
  }

  private SwitchboardException notConnected() {
    return new SwitchboardException(
        ErrorCode.UNAVAILABLE,
        "AMI server '"
            + server.id()
            + "' is not connected ("
            + state.label()
            + "; last problem: "
            + lastProblem
            + ")");
  }

  private Future<AmiReply> timed(AmiConnection connection, AmiMessage action) {
    long started = System.nanoTime();
    return connection
        .send(action)
        .andThen(outcome -> metrics.action(action.name(), started, outcome.cause()));
  }

  private void connect() {
    if (stopping) {
      return;
    }
    Session attempt = new Session(++sessions);
    session = attempt;
    setState(AmiClientState.CONNECTING);
    connector
        .connect(server.host(), server.port(), attempt)
        .compose(
            connected -> {
              attempt.connection = connected.connection();
              LOG.info(
                  "AMI {} at {}: {}", server.id(), attempt.connection.peer(), connected.banner());
              setState(AmiClientState.AUTHENTICATING);
              AmiConnection connection = attempt.connection;
              return AmiLogin.login(
                  connection, action -> timed(connection, action), server, settings.auth());
            })
        .compose(
            loggedIn -> {
              setState(AmiClientState.RESYNCING);
              return AmiResync.run(server.id(), action -> timed(attempt.connection, action));
            })
        .onComplete(
            done -> {
              if (done.succeeded()) {
                goLive(attempt, done.result());
              } else {
                end(attempt, done.cause().getMessage());
              }
            });
  }

  private void goLive(Session attempt, AmiResync state) {
    if (attempt != session || !attempt.connection.isOpen()) {
      return;
    }
    failures = 0;
    try {
      listener.onResync(server.id(), state.channels(), state.queueStatus());
    } catch (RuntimeException bug) {
      LOG.error("AMI {}: the session listener failed on resync", server.id(), bug);
    }
    List<AmiMessage> buffered = attempt.buffered;
    attempt.buffered = null;
    attempt.live = true;
    setState(AmiClientState.CONNECTED);
    LOG.info(
        "AMI {} logged in and resynced: {} channels, {} queue entries, {} events held meanwhile",
        server.id(),
        state.channels().size(),
        state.queueStatus().size(),
        buffered.size());
    for (AmiMessage event : buffered) {
      if (attempt != session) {
        return;
      }
      deliver(event);
    }
    schedulePing(attempt);
  }

  private void deliver(AmiMessage event) {
    metrics.eventDelivered();
    try {
      listener.onEvent(server.id(), event);
    } catch (RuntimeException bug) {
      // A listener bug must not cost the session (and every later event) or the read loop.
      LOG.error("AMI {}: the session listener failed on {}", server.id(), event.name(), bug);
    }
  }

  private void schedulePing(Session live) {
    pingOutstanding = false;
    pingTimer =
        vertx.setPeriodic(
            settings.pingInterval().toMillis(),
            tick -> {
              if (live != session) {
                vertx.cancelTimer(tick);
              } else if (!pingOutstanding) {
                ping(live);
              }
            });
  }

  private void ping(Session live) {
    pingOutstanding = true;
    timed(live.connection, AmiMessage.action("Ping").build())
        .onComplete(
            answered -> {
              pingOutstanding = false;
              if (answered.failed()
                  && answered.cause() instanceof SwitchboardException coded
                  && coded.code() == ErrorCode.TIMEOUT) {
                end(
                    live,
                    "no answer to the keep-alive Ping within "
                        + connectionOptions.actionTimeout().toMillis()
                        + " ms; the session is stuck");
              }
            });
  }

  /** Ends a session once: closes it, tells the listener if it was live, schedules a reconnect. */
  private void end(Session ended, String reason) {
    if (ended != session) {
      return;
    }
    session = null;
    vertx.cancelTimer(pingTimer);
    // While stopping, the server's close after Goodbye may win the race; the cause is the stop.
    String why = stopping ? "the client is stopping" : reason;
    lastProblem = why;
    if (ended.connection != null && ended.connection.isOpen()) {
      ended.connection.close(why);
    }
    if (ended.live) {
      try {
        listener.onDisconnected(server.id(), why);
      } catch (RuntimeException bug) {
        LOG.error("AMI {}: the session listener failed on disconnect", server.id(), bug);
      }
    }
    if (stopping) {
      LOG.info("AMI {} session closed: {}", server.id(), why);
      return;
    }
    setState(AmiClientState.DISCONNECTED);
    long delay = backoff.delayMs(failures++);
    LOG.warn(
        "AMI {} at {}:{}: {}; reconnecting in {} ms (failure {} in a row)",
        server.id(),
        server.host(),
        server.port(),
        reason,
        delay,
        failures);
    metrics.reconnectScheduled();
    reconnectTimer = vertx.setTimer(Math.max(delay, 1), fired -> connect());
  }

  private void setState(AmiClientState next) {
    state = next;
  }

  /** One connection attempt and, once logged in, its session. Touched on the client's context. */
  private final class Session implements AmiConnectionListener {
    final int number;
    AmiConnection connection;
    List<AmiMessage> buffered = new ArrayList<>();
    boolean live;

    Session(int number) {
      this.number = number;
    }

    @Override
    public void onEvent(AmiMessage event) {
      if (this != session) {
        return;
      }
      if (live) {
        deliver(event);
      } else if (buffered.size() < RESYNC_BUFFER_LIMIT) {
        buffered.add(event);
      } else {
        end(this, "more than " + RESYNC_BUFFER_LIMIT + " events arrived before the resync ended");
      }
    }

    @Override
    public void onClosed(String reason) {
      end(this, reason);
    }

    @Override
    public String toString() {
      return "AMI session " + number + " to " + server.id();
    }
  }
}
