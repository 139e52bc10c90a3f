package io.switchboard.pbxsim.model;

/**
 * What happens to one originated call: the far end's answer (reference 1.7 reasons), how long it
 * rings first, the AMD verdict the dialplan's {@code AMD()} would set, and how long the answered
 * call lasts (null = until someone hangs up).
 *
 * @param outcome answered, busy, no answer, congestion or failed
 * @param ringMillis time from dialing to the outcome (ignored for a timeout shorter than it)
 * @param amdStatus {@code AMDSTATUS} (HUMAN, MACHINE, NOTSURE, HANGUP)
 * @param amdCause {@code AMDCAUSE}, e.g. {@code HUMAN-500-500} or {@code LONGGREETING-1600-1500}
 * @param talkMillis the callee hangs up this long after answering; null = never by itself
 * @param agentAnswerMillis when the call is sent to a queue, members answer after this long
 */
public record OriginateScript(
    Outcome outcome,
    long ringMillis,
    String amdStatus,
    String amdCause,
    Long talkMillis,
    Long agentAnswerMillis) {

  /** The far end's answer and the {@code Reason} code of OriginateResponse. */
  public enum Outcome {
    ANSWERED(4),
    BUSY(5),
    NO_ANSWER(3),
    CONGESTION(8),
    FAILED(0);

    private final int reason;

    Outcome(int reason) {
      this.reason = reason;
    }

    public int reason() {
      return reason;
    }
  }

  public static OriginateScript answered(long ringMillis) {
    return new OriginateScript(Outcome.ANSWERED, ringMillis, "HUMAN", "HUMAN-500-500", null, null);
  }

  public static OriginateScript of(Outcome outcome, long ringMillis) {
    return new OriginateScript(outcome, ringMillis, "HUMAN", "HUMAN-500-500", null, null);
  }

  public OriginateScript withMachine() {
    return new OriginateScript(
        outcome, ringMillis, "MACHINE", "LONGGREETING-1600-1500", talkMillis, agentAnswerMillis);
  }

  public OriginateScript withTalk(Long millis) {
    return new OriginateScript(outcome, ringMillis, amdStatus, amdCause, millis, agentAnswerMillis);
  }

  public OriginateScript withAgentAnswer(Long millis) {
    return new OriginateScript(outcome, ringMillis, amdStatus, amdCause, talkMillis, millis);
  }
}
