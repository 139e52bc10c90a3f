package io.switchboard.ami.connection;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;

/**
 * Asterisk answered an action with {@code Response: Error}. The message carries Asterisk's own
 * {@code Message} text ("No such channel", "Permission denied", ...), so that the person who asked
 * for the action reads what the PBX said.
 */
public final class AmiActionException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  private final transient AmiMessage response;

  public AmiActionException(String action, AmiMessage response) {
    super(
        ErrorCode.CONFLICT,
        "Asterisk refused " + action + ": " + response.get("Message", "(no message)"));
    this.response = response;
  }

  /** The {@code Response: Error} block as Asterisk sent it. */
  public AmiMessage response() {
    return response;
  }

  /** Asterisk's {@code Message} text, or null when it sent none. */
  public String asteriskMessage() {
    return response.get("Message");
  }
}
