package io.switchboard.agentws.call;

/**
 * A checked {@code call.*} command of the live console ({@link CallCommandParser} makes them).
 * Every command acts on the sender's own agent: its interface and its current call.
 */
public sealed interface CallCommand {

  /**
   * {@code call.dial}: ring the agent's phone, then dial {@code number}.
   *
   * @param number the number in E.164
   * @param customerId the CRM customer being called, or null
   */
  record Dial(String number, Long customerId) implements CallCommand {}

  /** {@code call.hangup}: hang up the agent's leg of its current call. */
  record Hangup() implements CallCommand {}

  /**
   * {@code call.transfer}.
   *
   * @param attended true: {@code Atxfer} from the agent's channel (the agent talks to the target
   *     first); false: {@code Redirect} of the other party straight to the target
   * @param target where to
   */
  record Transfer(boolean attended, TransferTarget target) implements CallCommand {}

  /**
   * {@code call.recording}: pause or resume the call's recording (a card number being read).
   *
   * @param pause true to pause, false to resume
   */
  record Recording(boolean pause) implements CallCommand {}

  /**
   * {@code call.wrapup}: the disposition and notes of a call.
   *
   * @param linkedId the call's Linkedid
   * @param serverId the call's Asterisk server, or null to find it
   * @param code a disposition code
   * @param note notes, possibly empty
   * @param customerId the customer, or null for the call's known one (if any)
   */
  record WrapUp(String linkedId, String serverId, String code, String note, Long customerId)
      implements CallCommand {}
}
