package io.switchboard.agentws.session;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;

/**
 * Closes a socket with 1009 as soon as the frames of one client message add up to more than {@link
 * ConsoleLimits#MAX_MESSAGE_BYTES}: Vert.x's message-size option drops such a message silently and
 * keeps the session, which would leave the client waiting for an answer. Runs on the socket's own
 * context; its counter is touched nowhere else.
 */
final class MessageSizeGuard implements Handler<WebSocketFrame> {

  private final ServerWebSocket socket;
  private long messageBytes;

  MessageSizeGuard(ServerWebSocket socket) {
    this.socket = socket;
  }

  @Override
  public void handle(WebSocketFrame frame) {
    if (!(frame.isText() || frame.isBinary() || frame.isContinuation())) {
      return;
    }
    messageBytes += frame.binaryData().length();
    if (messageBytes > ConsoleLimits.MAX_MESSAGE_BYTES) {
      messageBytes = 0;
      socket.close(
          ConsoleLimits.CLOSE_TOO_BIG,
          "a message may have at most " + ConsoleLimits.MAX_MESSAGE_BYTES + " bytes");
      return;
    }
    if (frame.isFinal()) {
      messageBytes = 0;
    }
  }
}
