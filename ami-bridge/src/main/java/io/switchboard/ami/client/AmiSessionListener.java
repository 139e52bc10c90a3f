package io.switchboard.ami.client;

import io.switchboard.ami.codec.AmiMessage;
import java.util.List;

/**
 * What the AMI client of one Asterisk server delivers to the state built from it (the call
 * tracker), in wire order, on the client's context.
 *
 * <p>After every login the client runs {@code CoreShowChannels} and {@code QueueStatus} and calls
 * {@link #onResync} with their items before any event received since the login, so that state
 * missed while disconnected is rebuilt and nothing stays stuck (reference/ami-protocol.md 1.5).
 */
public interface AmiSessionListener {

  /**
   * The server's current state after a (re)connect.
   *
   * @param serverId the configured id of the Asterisk server
   * @param channels the {@code CoreShowChannel} events, one per live channel
   * @param queueStatus the {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} events
   */
  void onResync(String serverId, List<AmiMessage> channels, List<AmiMessage> queueStatus);

  /** One event, in the order the server sent it. */
  void onEvent(String serverId, AmiMessage event);

  /** The session ended; a reconnect follows unless the client is stopping. */
  void onDisconnected(String serverId, String reason);
}
