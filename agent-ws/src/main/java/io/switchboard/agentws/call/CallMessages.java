package io.switchboard.agentws.call;

/**
 * The event-bus address and message types of the console's call actions. The session layer sends
 * every client command whose type starts with {@code call.} to {@link #COMMAND_ADDRESS}.
 */
public final class CallMessages {

  /**
   * Request/reply: a {@code ConsoleCommand} of a {@code call.*} type; reply a {@code
   * ConsoleMessage} of the same type, or a failure with an {@code ErrorCode} bus code and a
   * message.
   */
  public static final String COMMAND_ADDRESS = "console.command.call";

  public static final String DIAL = "call.dial";
  public static final String HANGUP = "call.hangup";
  public static final String TRANSFER = "call.transfer";
  public static final String RECORDING = "call.recording";
  public static final String WRAPUP = "call.wrapup";

  /** Pushed to the agent: {@code {originateId, outcome, serverId, linkedId}} of a click-to-dial. */
  public static final String DIAL_RESULT = "call.dial.result";

  private CallMessages() {}
}
