package io.switchboard.ami.tracker;

import io.switchboard.core.call.CallOutcome;
import java.util.Locale;

/**
 * Decides how a finished call ended, from the strongest evidence down (reference/ami-protocol.md
 * 1.7, 1.8, 1.10): answering-machine detection, then a queue left without an agent, then (for an
 * agent-first call, originated and dialling out) the far party's dial, then a person answering,
 * then the {@code OriginateResponse} reason, then the last {@code DialEnd} status, and last the
 * Q.850 cause of the caller's hangup. Cause 16 on a never-answered leg says nothing (the caller's
 * cancel looks like that), so it counts as no answer only through the dial status.
 */
final class OutcomeRules {

  private OutcomeRules() {}

  static CallOutcome decide(TrackedCall call) {
    if ("MACHINE".equalsIgnoreCase(call.amdStatus)) {
      return CallOutcome.MACHINE;
    }
    if (call.queuedAt != null && call.connectedAt == null) {
      return CallOutcome.ABANDONED;
    }
    if (call.agentFirst()) {
      return agentFirst(call);
    }
    if (call.answeredAt != null) {
      return CallOutcome.ANSWERED;
    }
    if (call.originateReason != null) {
      return fromOriginateReason(call.originateReason);
    }
    if (call.lastDialStatus != null) {
      return fromDialStatus(call.lastDialStatus);
    }
    return fromHangupCause(call.hangupCause);
  }

  /**
   * An originated channel that answered and then dialled the far party (the agent's phone first,
   * then the customer): answered only when the dialled party was connected ({@code DialEnd ANSWER}
   * or the bridge); otherwise the last {@code DialEnd} status says why not. A dial whose end the
   * tracker never saw (Asterisk always sends one; a resync may hide it) counts as no answer.
   */
  private static CallOutcome agentFirst(TrackedCall call) {
    if (call.connectedAt != null) {
      return CallOutcome.ANSWERED;
    }
    return call.lastDialStatus == null
        ? CallOutcome.NO_ANSWER
        : fromDialStatus(call.lastDialStatus);
  }

  /** {@code OriginateResponse Reason}, an {@code AST_CONTROL_*} code. */
  static CallOutcome fromOriginateReason(int reason) {
    return switch (reason) {
      case 4 -> CallOutcome.ANSWERED;
      // 1: the far end hung up before answering; 3: it rang until the originate timed out.
      case 1, 3 -> CallOutcome.NO_ANSWER;
      case 5 -> CallOutcome.BUSY;
      case 8 -> CallOutcome.CONGESTION;
      default -> CallOutcome.FAILED;
    };
  }

  /** {@code DialEnd DialStatus}. */
  static CallOutcome fromDialStatus(String status) {
    return switch (status.toUpperCase(Locale.ROOT)) {
      case "ANSWER" -> CallOutcome.ANSWERED;
      case "BUSY" -> CallOutcome.BUSY;
      // CANCEL: the caller gave up while the callee rang; for the call, nobody answered.
      case "NOANSWER", "CANCEL" -> CallOutcome.NO_ANSWER;
      case "CONGESTION", "CHANUNAVAIL" -> CallOutcome.CONGESTION;
      default -> CallOutcome.FAILED;
    };
  }

  /** The Q.850 cause of the caller leg's hangup, when nothing better is known. */
  static CallOutcome fromHangupCause(Integer cause) {
    if (cause == null) {
      return CallOutcome.FAILED;
    }
    return switch (cause) {
      case 17 -> CallOutcome.BUSY;
      case 16, 18, 19, 21, 31 -> CallOutcome.NO_ANSWER;
      case 34, 38, 41, 42, 44, 47 -> CallOutcome.CONGESTION;
      default -> CallOutcome.FAILED;
    };
  }
}
