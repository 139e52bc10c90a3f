package io.switchboard.agentws.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.config.ConsoleSettings;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleMessage;
import io.switchboard.core.console.SnapshotRequest;
import io.switchboard.core.console.VerifiedUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every console session of this node: the per-user streams (sequence, replay buffer,
 * sessions), the subscriptions to {@code console.to.user.<id>} and {@code console.to.role.<role>},
 * the heartbeat and the snapshots. All of it lives on this verticle's context; {@link #open} may be
 * called from the HTTP server's context and moves the socket's callbacks here.
 */
public final class ConsoleSessions extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSessions.class);

  private final ConsoleSettings settings;
  private final ConsoleMetrics metrics;
  private final Map<Long, UserStream> streams = new HashMap<>();
  private final List<MessageConsumer<JsonObject>> roleConsumers = new ArrayList<>();
  private ConsoleCommands commands;
  private Context owner;
  private long heartbeatTimer = -1;

  public ConsoleSessions(ConsoleSettings settings, MeterRegistry registry) {
    this.settings = settings;
    this.metrics = new ConsoleMetrics(registry);
  }

  @Override
  public Future<?> start() {
    owner = context;
    commands = new ConsoleCommands(vertx.eventBus(), this);
    List<Future<Void>> registered = new ArrayList<>();
    for (String role : ConsoleAddresses.ROLES) {
      MessageConsumer<JsonObject> consumer =
          vertx
              .eventBus()
              .consumer(ConsoleAddresses.toRole(role), message -> pushToRole(role, message));
      roleConsumers.add(consumer);
      registered.add(consumer.completion());
    }
    heartbeatTimer =
        vertx.setPeriodic(settings.heartbeatInterval().toMillis(), tick -> heartbeat());
    return Future.all(registered);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(heartbeatTimer);
    List<Future<Void>> closing = new ArrayList<>();
    roleConsumers.forEach(consumer -> closing.add(consumer.unregister()));
    for (UserStream stream : streams.values()) {
      for (ConsoleSession session : stream.sessions()) {
        session.close(ConsoleLimits.CLOSE_GOING_AWAY, "the server is stopping");
      }
      if (stream.consumer() != null) {
        closing.add(stream.consumer().unregister());
      }
    }
    streams.clear();
    return Future.join(closing);
  }

  /** True while the node holds fewer than {@link ConsoleLimits#MAX_SESSIONS}; any thread. */
  public boolean hasRoom() {
    return metrics.sessions() < ConsoleLimits.MAX_SESSIONS;
  }

  /**
   * Takes over a just-upgraded socket of a verified user: sends a snapshot, or with a {@code
   * resume} point what the user missed since it (a snapshot when the gap is not covered). Called on
   * the socket's context, before it yields to the event loop.
   */
  void open(ServerWebSocket socket, VerifiedUser user, ResumePoint resume) {
    Context ownerContext = owner;
    Holder holder = new Holder();
    socket.textMessageHandler(
        text -> ownerContext.runOnContext(now -> onText(holder.session, text)));
    socket.binaryMessageHandler(
        bytes -> ownerContext.runOnContext(now -> onBinary(holder.session)));
    socket.frameHandler(new MessageSizeGuard(socket));
    socket.pongHandler(pong -> ownerContext.runOnContext(now -> onPong(holder.session)));
    socket.closeHandler(closed -> ownerContext.runOnContext(now -> closedByPeer(holder.session)));
    // The HTTP server shuts down: close at once as going away, rather than let Vert.x close with
    // 1000 once the server's drain time is over.
    socket.shutdownHandler(stopping -> ownerContext.runOnContext(now -> goingAway(holder.session)));
    socket.exceptionHandler(
        failed -> LOG.debug("console socket of user {}: {}", user.userId(), failed.toString()));
    ownerContext.runOnContext(now -> holder.session = attach(socket, user, resume));
  }

  /** Runs the socket's callbacks after {@link #attach} set the session, on the same context. */
  private static final class Holder {
    private ConsoleSession session;
  }

  private ConsoleSession attach(ServerWebSocket socket, VerifiedUser user, ResumePoint resume) {
    UserStream stream = streams.get(user.userId());
    if (stream == null) {
      evictIdleStreamIfFull();
      stream =
          new UserStream(
              user.userId(),
              new ReplayBuffer(settings.replaySize(), settings.replayWindow().toMillis()),
              System.currentTimeMillis());
      UserStream created = stream;
      created.consumer(
          vertx
              .eventBus()
              .consumer(
                  ConsoleAddresses.toUser(user.userId()), message -> push(created, message, null)));
      streams.put(user.userId(), created);
    }
    ConsoleSession session =
        new ConsoleSession(socket, user, stream, owner, settings.outboundQueue(), metrics);
    metrics.sessionOpened(session.roles());
    stream.add(session);
    if (stream.sessions().size() > ConsoleLimits.MAX_SESSIONS_PER_USER) {
      session.close(
          ConsoleLimits.CLOSE_POLICY,
          "more than " + ConsoleLimits.MAX_SESSIONS_PER_USER + " sessions for this user");
      return session;
    }
    UserStream registered = stream;
    session.hold();
    registered
        .consumer()
        .completion()
        .onComplete(ready -> start(session, resume == null ? new ResumePoint("", -1) : resume));
    return session;
  }

  /**
   * A client's {@code resume}: ignored while a snapshot is on its way (it covers the gap and comes
   * first), else served like a reconnect.
   */
  void resume(ConsoleSession session, ResumePoint point) {
    if (!session.holding()) {
      start(session, point);
    }
  }

  /** Resends what the client missed since {@code point}, or a fresh snapshot. */
  private void start(ConsoleSession session, ResumePoint point) {
    if (session.closed()) {
      return;
    }
    UserStream stream = session.stream();
    List<PushedMessage> missed =
        stream.missedSince(point.epoch(), point.lastSeq(), System.currentTimeMillis());
    if (missed == null) {
      snapshot(session);
      return;
    }
    session.resend(
        ConsoleFrames.resumed(stream.epoch(), point.lastSeq(), stream.seq(), missed.size()),
        missed);
  }

  private void snapshot(ConsoleSession session) {
    session.hold();
    session.discardQueued();
    UserStream stream = session.stream();
    long position = stream.seq();
    SnapshotRequest request = SnapshotRequest.of(session.user());
    vertx
        .eventBus()
        .<JsonObject>request(
            ConsoleAddresses.SNAPSHOT,
            request.toJson(),
            new DeliveryOptions().setSendTimeout(ConsoleLimits.REQUEST_TIMEOUT_MS))
        .onSuccess(
            reply ->
                session.release(
                    ConsoleFrames.snapshot(stream.epoch(), position, snapshotData(reply))))
        .onFailure(
            failed -> {
              LOG.warn("no snapshot for user {}: {}", session.user().userId(), failed.toString());
              session.release(
                  ConsoleFrames.error(null, 503, "the snapshot is unavailable; reconnect later"));
              session.close(ConsoleLimits.CLOSE_SERVER_ERROR, "snapshot unavailable");
            });
  }

  private static JsonObject snapshotData(Message<JsonObject> reply) {
    return reply.body() == null ? new JsonObject() : reply.body();
  }

  private void onText(ConsoleSession session, String text) {
    if (session == null || session.closed()) {
      return;
    }
    if (text.length() > ConsoleLimits.MAX_MESSAGE_BYTES) {
      session.close(ConsoleLimits.CLOSE_TOO_BIG, "message over " + ConsoleLimits.MAX_MESSAGE_BYTES);
      return;
    }
    commands.handle(session, text);
  }

  private void push(UserStream stream, Message<JsonObject> message, String role) {
    ConsoleMessage parsed;
    try {
      parsed = ConsoleMessage.fromJson(message.body());
    } catch (RuntimeException bad) {
      LOG.warn("dropped a console message to {}: {}", message.address(), bad.getMessage());
      return;
    }
    stream.push(parsed, role, System.currentTimeMillis());
  }

  private void pushToRole(String role, Message<JsonObject> message) {
    ConsoleMessage parsed;
    try {
      parsed = ConsoleMessage.fromJson(message.body());
    } catch (RuntimeException bad) {
      LOG.warn("dropped a console message to {}: {}", message.address(), bad.getMessage());
      return;
    }
    long now = System.currentTimeMillis();
    for (UserStream stream : streams.values()) {
      if (stream.roles().contains(role)) {
        stream.push(parsed, role, now);
      }
    }
  }

  private static void onBinary(ConsoleSession session) {
    if (session != null) {
      session.write(
          ConsoleFrames.error(null, 400, "binary frames are not accepted; send JSON text"));
    }
  }

  private static void onPong(ConsoleSession session) {
    if (session != null) {
      session.pong();
    }
  }

  private static void goingAway(ConsoleSession session) {
    if (session != null) {
      session.close(ConsoleLimits.CLOSE_GOING_AWAY, "the server is stopping");
    }
  }

  private void closedByPeer(ConsoleSession session) {
    if (session != null) {
      session.closedByPeer();
    }
  }

  private void heartbeat() {
    int misses = settings.heartbeatMisses();
    for (UserStream stream : streams.values()) {
      for (ConsoleSession session : stream.sessions()) {
        session.ping(misses);
      }
    }
    long now = System.currentTimeMillis();
    long window = settings.replayWindow().toMillis();
    streams.values().removeIf(stream -> drop(stream, stream.expired(now, window)));
  }

  private void evictIdleStreamIfFull() {
    if (streams.size() < ConsoleLimits.MAX_SESSIONS) {
      return;
    }
    UserStream idle = streams.values().stream().filter(UserStream::idle).findFirst().orElse(null);
    if (idle != null) {
      streams.remove(idle.userId());
      drop(idle, true);
    }
  }

  private static boolean drop(UserStream stream, boolean expired) {
    if (expired && stream.consumer() != null) {
      stream.consumer().unregister();
    }
    return expired;
  }
}
