package io.switchboard.core.ami;

/**
 * Field names of the JSON requests and replies on {@link AmiActionAddresses}. Names are camelCase;
 * each address's javadoc says which it takes. Text values may not contain CR or LF (they would end
 * the AMI header and smuggle in another one).
 */
public final class AmiActionFields {

  /** Request (optional when one server is configured) and reply: the Asterisk server's id. */
  public static final String SERVER = "server";

  /** Reply: the {@code ActionID} the action went out with. */
  public static final String ACTION_ID = "actionId";

  /** Reply: Asterisk's {@code Message} text, when it sent one. */
  public static final String MESSAGE = "message";

  public static final String CHANNEL = "channel";
  public static final String EXTRA_CHANNEL = "extraChannel";
  public static final String CONTEXT = "context";
  public static final String EXTEN = "exten";
  public static final String PRIORITY = "priority";
  public static final String APPLICATION = "application";
  public static final String DATA = "data";
  public static final String CALLER_ID = "callerId";

  /** Originate: milliseconds to wait for the channel to answer (Asterisk's default is 30000). */
  public static final String TIMEOUT_MS = "timeoutMs";

  /** Originate: JSON object of channel variable name to text, one {@code Variable} header each. */
  public static final String VARIABLES = "variables";

  /** Originate request and reply: the {@code Uniqueid} the new channel gets. */
  public static final String CHANNEL_ID = "channelId";

  /** Originate: the {@code Uniqueid} of the second half of a Local channel. */
  public static final String OTHER_CHANNEL_ID = "otherChannelId";

  public static final String ACCOUNT = "account";
  public static final String CAUSE = "cause";
  public static final String QUEUE = "queue";
  public static final String INTERFACE = "interface";
  public static final String MEMBER_NAME = "memberName";
  public static final String STATE_INTERFACE = "stateInterface";
  public static final String PENALTY = "penalty";
  public static final String PAUSED = "paused";
  public static final String REASON = "reason";
  public static final String FILE = "file";
  public static final String OPTIONS = "options";

  /** MixMonitor reply and StopMixMonitor request: the recording's id. */
  public static final String MIXMONITOR_ID = "mixMonitorId";

  public static final String MUTE = "mute";
  public static final String DIRECTION = "direction";
  public static final String SUPERVISOR = "supervisor";
  public static final String TARGET = "target";

  /** Spy: {@code listen}, {@code whisper} or {@code barge}. */
  public static final String MODE = "mode";

  public static final String VARIABLE = "variable";

  /** Setvar request and Getvar reply. */
  public static final String VALUE = "value";

  private AmiActionFields() {}
}
