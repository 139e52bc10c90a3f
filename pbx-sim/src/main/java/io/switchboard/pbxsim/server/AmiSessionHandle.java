package io.switchboard.pbxsim.server;

import io.switchboard.ami.codec.AmiMessage;

/**
 * One logged-in session as the rest of the simulator sees it (capture replay writes through it).
 * Used on the server's context.
 */
public interface AmiSessionHandle {

  /** Writes a message to this session alone, under the same back-pressure rules as events. */
  void send(AmiMessage message);

  boolean open();
}
