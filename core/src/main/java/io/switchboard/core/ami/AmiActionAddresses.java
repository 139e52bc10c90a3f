package io.switchboard.core.ami;

/**
 * Event-bus addresses of the AMI actions that {@code ami-bridge} performs for other modules. Send a
 * {@link io.vertx.core.json.JsonObject} request (fields in {@link AmiActionFields}) with {@code
 * request}; the reply is a JSON object, or a failure whose code is an {@link
 * io.switchboard.core.error.ErrorCode#busFailureCode()}:
 *
 * <ul>
 *   <li>400 (BAD_REQUEST): the request is malformed: a required field is missing, a value has a
 *       line break, a number is out of range;
 *   <li>404 (NOT_FOUND): {@code server} names no configured Asterisk server;
 *   <li>409 (CONFLICT): Asterisk answered {@code Response: Error}; the message carries Asterisk's
 *       own {@code Message} text ("No such channel", "Interface not found", ...);
 *   <li>429 (RATE_LIMITED): too many actions are waiting for an answer on that server;
 *   <li>503 (UNAVAILABLE): the server is not logged in now, or the session ended before the answer;
 *   <li>504 (TIMEOUT): Asterisk did not answer within {@code ami.action-timeout}.
 * </ul>
 *
 * <p>Every successful reply carries {@link AmiActionFields#SERVER}, {@link
 * AmiActionFields#ACTION_ID} and Asterisk's {@link AmiActionFields#MESSAGE} (when it sent one);
 * each address below says what else.
 */
public final class AmiActionAddresses {

  /**
   * Asynchronous {@code Originate} ({@code Async: true} always, reference 1.5/1.7). Request: {@code
   * channel}; either {@code context} + {@code exten} + {@code priority} or {@code application} [+
   * {@code data}]; optional {@code callerId}, {@code timeoutMs}, {@code variables} (object of name
   * to text), {@code channelId}, {@code otherChannelId}, {@code account}. Reply adds {@code
   * channelId} (the one given, or a generated one): the outcome arrives later as the {@code
   * OriginateResponse} event, whose {@code Uniqueid} is that channel id and whose {@code ActionID}
   * is the reply's {@code actionId}.
   */
  public static final String ORIGINATE = "ami.action.originate";

  /** {@code Hangup}. Request: {@code channel}; optional {@code cause} (Q.850 number). */
  public static final String HANGUP = "ami.action.hangup";

  /**
   * {@code Redirect} (blind transfer of a channel to the dialplan). Request: {@code channel},
   * {@code context}, {@code exten}, {@code priority}; optional {@code extraChannel} (the other leg,
   * sent to the same place).
   */
  public static final String REDIRECT = "ami.action.redirect";

  /**
   * {@code Atxfer} (attended transfer started by {@code channel}). Request: {@code channel}, {@code
   * exten}; optional {@code context}.
   */
  public static final String ATXFER = "ami.action.atxfer";

  /**
   * {@code QueueAdd}. Request: {@code queue}, {@code interface}; optional {@code memberName},
   * {@code stateInterface}, {@code penalty}, {@code paused}.
   */
  public static final String QUEUE_ADD = "ami.action.queue.add";

  /** {@code QueueRemove}. Request: {@code queue}, {@code interface}. */
  public static final String QUEUE_REMOVE = "ami.action.queue.remove";

  /**
   * {@code QueuePause}. Request: {@code interface}, {@code paused}; optional {@code queue} (all
   * queues when absent) and {@code reason}.
   */
  public static final String QUEUE_PAUSE = "ami.action.queue.pause";

  /** {@code QueuePenalty}. Request: {@code interface}, {@code penalty}; optional {@code queue}. */
  public static final String QUEUE_PENALTY = "ami.action.queue.penalty";

  /**
   * {@code MixMonitor} (start recording). Request: {@code channel}; optional {@code file}, {@code
   * options}. Reply adds {@code mixMonitorId} when Asterisk returns one.
   */
  public static final String MIXMONITOR_START = "ami.action.mixmonitor.start";

  /** {@code StopMixMonitor}. Request: {@code channel}; optional {@code mixMonitorId}. */
  public static final String MIXMONITOR_STOP = "ami.action.mixmonitor.stop";

  /**
   * {@code MixMonitorMute} (pause a recording while a card number is read). Request: {@code
   * channel}, {@code mute} (boolean); optional {@code direction}: {@code read}, {@code write} or
   * {@code both} (default).
   */
  public static final String MIXMONITOR_MUTE = "ami.action.mixmonitor.mute";

  /**
   * Supervisor listen, whisper or barge: an asynchronous {@code Originate} that rings {@code
   * supervisor} and runs {@code ChanSpy(target,q[w|B])} once it answers. Request: {@code
   * supervisor} (the supervisor's channel to ring, e.g. {@code PJSIP/2001}), {@code target} (the
   * channel, or channel prefix, to spy on), {@code mode}: {@code listen} (option {@code q}), {@code
   * whisper} ({@code qw}) or {@code barge} ({@code qB}); optional {@code callerId}, {@code
   * timeoutMs}, {@code channelId}. Reply as for {@link #ORIGINATE}.
   */
  public static final String SPY = "ami.action.spy";

  /**
   * {@code Setvar}. Request: {@code variable}, {@code value}; optional {@code channel} (a global
   * variable when absent).
   */
  public static final String SETVAR = "ami.action.setvar";

  /**
   * {@code Getvar}. Request: {@code variable}; optional {@code channel}. Reply adds {@code value}
   * (null when Asterisk returned none).
   */
  public static final String GETVAR = "ami.action.getvar";

  private AmiActionAddresses() {}
}
