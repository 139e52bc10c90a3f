package io.switchboard.ami.connection;

import io.switchboard.ami.codec.AmiMessage;

/**
 * Receives what one {@link AmiConnection} reads that is not an answer to an action, on the
 * connection's context. Methods must return quickly: the socket is read on the same thread, and an
 * event that takes longer than the connection's listener budget closes the connection.
 */
public interface AmiConnectionListener {

  /**
   * One event, in wire order: every event that is not an item of a pending list action, including
   * {@code OriginateResponse} (an event that also carries {@code Response}, reference 1.7).
   */
  void onEvent(AmiMessage event);

  /** The connection closed, for the reason given; called once. */
  void onClosed(String reason);
}
