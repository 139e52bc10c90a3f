package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The actions a simulated Asterisk answers beyond the session's own (Login, Challenge, Logoff,
 * Ping, Events, CoreSettings). Called on the simulator's single thread, one action of a session at
 * a time, as Asterisk's session thread does.
 */
public interface ActionHandler {

  /** Whether {@code action} (compared without case) is a registered action. */
  boolean knows(String action);

  /**
   * Handles one action. Replies (the response, then any list items and the list terminator) go to
   * {@code reply} in wire order; events go to every session through the model's event sink.
   *
   * @return completes when the session may run its next action; already complete for everything
   *     except a synchronous {@code Originate}, which holds the session as Asterisk does
   */
  CompletionStage<Void> handle(AmiMessage action, Consumer<AmiMessage> reply);
}
