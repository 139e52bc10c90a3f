package io.switchboard.pbxsim.server;

import io.switchboard.ami.codec.AmiMessage;
import io.vertx.core.net.SocketAddress;

/**
 * Told when an event frame was handed to one session's socket, for benchmarks that time the path
 * from the PBX's frame to what a client does with it. Called on the simulator's context, once per
 * session that receives the event; it must be quick and never block. Unset (the default), the write
 * path pays one null check per delivered event.
 */
@FunctionalInterface
public interface FrameTap {

  /**
   * An event frame went to a session.
   *
   * @param event the event as broadcast (do not change it)
   * @param session the session's remote address (the client's host and port)
   * @param writtenNanos {@link System#nanoTime()} taken right after {@code NetSocket.write}
   *     returned on the simulator's event loop: the frame is in Netty's outbound buffer and, unless
   *     the write happened while that same connection was handling a batch of its input (Vert.x
   *     then flushes at the batch's end), already written to the kernel's socket
   */
  void written(AmiMessage event, SocketAddress session, long writtenNanos);
}
