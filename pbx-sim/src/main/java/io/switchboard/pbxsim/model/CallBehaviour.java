package io.switchboard.pbxsim.model;

/**
 * How the simulated people on a call behave; every time is in model milliseconds and null means
 * "only when a test or an action says so".
 *
 * @param answerAfterMillis a rung member (or dialed phone) answers after this long
 * @param talkMillis the conversation ends this long after it is connected
 * @param agentHangsUp whether the agent (rather than the caller) ends the conversation
 * @param patienceMillis a waiting caller abandons after this long in the queue
 */
public record CallBehaviour(
    Long answerAfterMillis, Long talkMillis, boolean agentHangsUp, Long patienceMillis) {

  /** Nothing happens by itself: the test answers, hangs up and abandons. */
  public static CallBehaviour manual() {
    return new CallBehaviour(null, null, false, null);
  }

  /** Members answer after {@code answerAfter}; the caller hangs up after {@code talk}. */
  public static CallBehaviour answeredAfter(long answerAfter, long talk) {
    return new CallBehaviour(answerAfter, talk, false, null);
  }

  public CallBehaviour withPatience(long millis) {
    return new CallBehaviour(answerAfterMillis, talkMillis, agentHangsUp, millis);
  }

  public CallBehaviour withAgentHangingUp() {
    return new CallBehaviour(answerAfterMillis, talkMillis, true, patienceMillis);
  }
}
