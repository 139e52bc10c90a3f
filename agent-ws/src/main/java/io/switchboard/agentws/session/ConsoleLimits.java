package io.switchboard.agentws.session;

/**
 * Fixed bounds of the console's WebSocket sessions. The HTTP server options are the node's: it sets
 * {@code setMaxWebSocketFrameSize(MAX_FRAME_BYTES)} and {@code
 * setMaxWebSocketMessageSize(MAX_MESSAGE_BYTES)} so that Vert.x refuses a bigger frame before it is
 * buffered; the session checks the message size again in case it does not.
 */
public final class ConsoleLimits {

  /** Largest WebSocket frame a client may send (64 KiB). */
  public static final int MAX_FRAME_BYTES = 64 * 1024;

  /** Largest WebSocket message a client may send, all its frames together (64 KiB). */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;

  /**
   * Subprotocols the HTTP server offers ({@code HttpServerOptions.setWebSocketSubProtocols}):
   * {@link #SUBPROTOCOL} for clients that name it first, and any other the client asks for, because
   * the token travels as a subprotocol {@code bearer.<token>} and a browser refuses a handshake
   * that does not echo one of the subprotocols it asked for.
   */
  public static final java.util.List<String> SERVER_SUBPROTOCOLS =
      java.util.List.of(ConsoleLimits.SUBPROTOCOL, "*");

  /** The protocol name a client may offer before its {@code bearer.<token>} subprotocol. */
  public static final String SUBPROTOCOL = "switchboard.console.v1";

  /** Live sessions one node holds; one more upgrade is refused with 503. */
  public static final int MAX_SESSIONS = 20_000;

  /** Sessions one user may have open on a node (tabs, devices). */
  public static final int MAX_SESSIONS_PER_USER = 16;

  /** Commands of one session that may wait for their reply; one more gets an error frame. */
  public static final int MAX_COMMANDS_IN_FLIGHT = 16;

  /** Time a command, a snapshot or a token check has to answer on the event bus. */
  public static final long REQUEST_TIMEOUT_MS = 10_000;

  /** Close code for a client that breaks a rule (too slow, too big) (RFC 6455 7.4.1). */
  public static final short CLOSE_POLICY = 1008;

  /** Close code for a message too big to process. */
  public static final short CLOSE_TOO_BIG = 1009;

  /** Close code when the server cannot serve the session (no snapshot). */
  public static final short CLOSE_SERVER_ERROR = 1011;

  /** Close code when the node is shutting down. */
  public static final short CLOSE_GOING_AWAY = 1001;

  private ConsoleLimits() {}
}
