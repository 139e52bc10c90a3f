package io.switchboard.agentws.session;

import io.switchboard.core.console.ConsoleMessage;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything pushed to one user on this node, numbered: the sequence, the replay buffer and the
 * user's open sessions. It outlives its last session by the replay window, so that a console that
 * reconnects within it gets what it missed. The epoch names this stream: a client resuming with
 * another epoch (the node restarted, the stream expired) gets a fresh snapshot. Touched only on the
 * {@link ConsoleSessions} context.
 */
final class UserStream {

  private final long userId;
  private final String epoch = UUID.randomUUID().toString();
  private final ReplayBuffer replay;
  private final Set<ConsoleSession> sessions = new LinkedHashSet<>();
  private Set<String> roles = Set.of();
  private MessageConsumer<JsonObject> consumer;
  private long seq;
  private long idleSinceMs;

  UserStream(long userId, ReplayBuffer replay, long nowMs) {
    this.userId = userId;
    this.replay = replay;
    this.idleSinceMs = nowMs;
  }

  long userId() {
    return userId;
  }

  String epoch() {
    return epoch;
  }

  long seq() {
    return seq;
  }

  Set<String> roles() {
    return roles;
  }

  void consumer(MessageConsumer<JsonObject> consumer) {
    this.consumer = consumer;
  }

  MessageConsumer<JsonObject> consumer() {
    return consumer;
  }

  void add(ConsoleSession session) {
    sessions.add(session);
    // A role change revokes every token, so the newest session's roles are the user's roles.
    roles = session.roles();
  }

  void remove(ConsoleSession session) {
    if (sessions.remove(session) && sessions.isEmpty()) {
      idleSinceMs = System.currentTimeMillis();
    }
  }

  List<ConsoleSession> sessions() {
    return new ArrayList<>(sessions);
  }

  /** True when no session has been open for {@code windowMs}: the stream may be dropped. */
  boolean expired(long nowMs, long windowMs) {
    return sessions.isEmpty() && idleSinceMs < nowMs - windowMs;
  }

  boolean idle() {
    return sessions.isEmpty();
  }

  /** Numbers a message, keeps it for replay and sends it to every session that may see it. */
  void push(ConsoleMessage message, String role, long nowMs) {
    seq++;
    PushedMessage pushed =
        new PushedMessage(
            seq, role, ConsoleFrames.push(message.type(), seq, message.data().encode()), nowMs);
    replay.add(pushed);
    // A copy: delivering may close a session (too slow, or its socket gone), which removes it.
    for (ConsoleSession session : sessions()) {
      session.deliver(pushed);
    }
  }

  /** The messages after {@code lastSeq}, or null when the replay buffer does not cover the gap. */
  List<PushedMessage> missedSince(String clientEpoch, long lastSeq, long nowMs) {
    if (!epoch.equals(clientEpoch)) {
      return null;
    }
    return replay.after(lastSeq, seq, nowMs);
  }
}
