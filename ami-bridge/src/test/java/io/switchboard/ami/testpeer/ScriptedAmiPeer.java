package io.switchboard.ami.testpeer;

import io.switchboard.ami.codec.AmiMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small AMI server for tests that speaks through the real codec over real TCP: it greets with a
 * banner, decodes actions with {@code AmiFrameDecoder.forServer}, answers them from a script keyed
 * by action name, and writes with {@code AmiFrameEncoder}. By default it answers as Asterisk does
 * (reference/ami-protocol.md 1.3, 1.6): {@code Challenge}, plain and MD5 {@code Login} (a failed
 * login gets {@code Authentication failed} and a closed socket), {@code Ping}, {@code
 * CoreShowChannels} and {@code QueueStatus} lists from {@link #channels} and {@link #queueStatus},
 * {@code Logoff}; any other action gets {@code Invalid/unknown command}. Tests replace any answer
 * with {@link #on}. Thread-safe.
 */
public final class ScriptedAmiPeer {

  /** The challenge in the real MD5 login capture (login-md5-challenge-ami7.ami). */
  public static final String CHALLENGE = "145769581";

  /** Answers one action on one session. */
  @FunctionalInterface
  public interface Script {
    void answer(PeerSession session, AmiMessage action);
  }

  private final Vertx vertx;
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final List<PeerSession> sessions = new CopyOnWriteArrayList<>();
  private final List<Promise<PeerSession>> waiting = new CopyOnWriteArrayList<>();
  private final List<Long> acceptedNanos = new CopyOnWriteArrayList<>();
  private volatile String username = "switchboard";
  private volatile String secret = "mysecret";
  private volatile String banner = "Asterisk Call Manager/9.0.0";
  private volatile int dribbleBytes;
  private volatile List<AmiMessage> channels = List.of();
  private volatile List<AmiMessage> queueStatus = List.of();
  private NetServer server;

  private ScriptedAmiPeer(Vertx vertx) {
    this.vertx = vertx;
    defaultScripts();
  }

  /** Starts listening on a free port of 127.0.0.1. */
  public static Future<ScriptedAmiPeer> start(Vertx vertx) {
    ScriptedAmiPeer peer = new ScriptedAmiPeer(vertx);
    peer.server = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true));
    peer.server.connectHandler(socket -> peer.accept(new PeerSession(peer, socket)));
    return peer.server.listen(0, "127.0.0.1").map(listening -> peer);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    sessions.forEach(PeerSession::close);
    return server.close();
  }

  /** Replaces the answer to one action (name compared without case). */
  public ScriptedAmiPeer on(String action, Script script) {
    scripts.put(action.toLowerCase(Locale.ROOT), script);
    return this;
  }

  /** Never answers this action. */
  public ScriptedAmiPeer silence(String action) {
    return on(action, (session, ignored) -> {});
  }

  public ScriptedAmiPeer credentials(String newUsername, String newSecret) {
    this.username = newUsername;
    this.secret = newSecret;
    return this;
  }

  /** The first line each session gets (an AMI banner unless a test says otherwise). */
  public ScriptedAmiPeer banner(String line) {
    this.banner = line;
    return this;
  }

  /**
   * Writes everything in pieces of {@code bytesPerWrite} (1: every byte alone), each in its own TCP
   * write and timer tick, so that the client reads its input split at every such point; 0 writes
   * each message whole.
   */
  public ScriptedAmiPeer dribble(int bytesPerWrite) {
    this.dribbleBytes = bytesPerWrite;
    return this;
  }

  /** The {@code CoreShowChannel} items the next resyncs get. */
  public ScriptedAmiPeer channels(List<AmiMessage> items) {
    this.channels = List.copyOf(items);
    return this;
  }

  /** The {@code QueueParams}/{@code QueueMember}/{@code QueueEntry} items resyncs get. */
  public ScriptedAmiPeer queueStatus(List<AmiMessage> items) {
    this.queueStatus = List.copyOf(items);
    return this;
  }

  /** The n-th session (0 first) once its client has connected. */
  public synchronized Future<PeerSession> session(int index) {
    if (index < sessions.size()) {
      return Future.succeededFuture(sessions.get(index));
    }
    while (waiting.size() <= index) {
      waiting.add(Promise.promise());
    }
    return waiting.get(index).future();
  }

  /** How many TCP connections the peer has accepted. */
  public int connections() {
    return sessions.size();
  }

  /** {@link System#nanoTime()} at which each connection was accepted. */
  public List<Long> acceptedNanos() {
    return List.copyOf(acceptedNanos);
  }

  int dribbleBytes() {
    return dribbleBytes;
  }

  Vertx vertx() {
    return vertx;
  }

  private synchronized void accept(PeerSession session) {
    acceptedNanos.add(System.nanoTime());
    sessions.add(session);
    session.sendRaw(banner + "\r\n");
    int index = sessions.size() - 1;
    if (index < waiting.size()) {
      waiting.get(index).tryComplete(session);
    }
  }

  void dispatch(PeerSession session, AmiMessage action) {
    Script script = scripts.get(action.name().toLowerCase(Locale.ROOT));
    if (script == null) {
      session.reply(
          action,
          "Error",
          "Message",
          "Invalid/unknown command: "
              + action.name()
              + ". Use Action: ListCommands to show available commands.");
      return;
    }
    script.answer(session, action);
  }

  private void defaultScripts() {
    on("Challenge", (session, action) -> session.reply(action, "Success", "Challenge", CHALLENGE));
    on("Login", this::login);
    on(
        "Ping",
        (session, action) ->
            session.reply(action, "Success", "Ping", "Pong", "Timestamp", "1740666060.311000"));
    on(
        "CoreShowChannels",
        (session, action) ->
            session.list(action, "Channels will follow", "CoreShowChannelsComplete", channels));
    on(
        "QueueStatus",
        (session, action) ->
            session.list(action, "Queue status will follow", "QueueStatusComplete", queueStatus));
    on(
        "Logoff",
        (session, action) -> {
          session.reply(action, "Goodbye", "Message", "Thanks for all the fish.");
          session.closeAfterWrites();
        });
  }

  private void login(PeerSession session, AmiMessage action) {
    boolean md5 = "MD5".equalsIgnoreCase(action.get("AuthType"));
    boolean accepted =
        username.equals(action.get("Username"))
            && (md5
                ? PeerSession.md5Hex(CHALLENGE + secret).equals(action.get("Key"))
                : secret.equals(action.get("Secret")));
    if (!accepted) {
      session.reply(action, "Error", "Message", "Authentication failed");
      session.closeAfterWrites();
      return;
    }
    session.reply(action, "Success", "Message", "Authentication accepted");
    session.send(
        AmiMessage.event("FullyBooted")
            .with("Privilege", "system,all")
            .with("Uptime", "4731")
            .with("LastReload", "4731")
            .with("Status", "Fully Booted")
            .build());
  }
}
