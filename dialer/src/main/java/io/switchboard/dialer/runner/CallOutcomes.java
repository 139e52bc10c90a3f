package io.switchboard.dialer.runner;

import io.switchboard.core.call.CallEnded;
import io.switchboard.dialer.lead.AmdVerdict;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.pacing.CallOutcome;
import java.util.Locale;

/**
 * How a finished call becomes an attempt outcome and a pacing outcome. Pure: the call's end as the
 * AMI bridge published it plus what the runner saw and did (answer, agent, abandonment).
 */
final class CallOutcomes {

  private CallOutcomes() {}

  /**
   * The attempt's outcome: abandoned when the runner abandoned it (the 2 s grace ran out), a
   * machine on AMD's verdict, answered when an agent took it; a person who hung up before an agent
   * took the call within the grace counts as no answer (nobody spoke to them, no abandonment was
   * caused); otherwise the bridge's outcome (congestion is failed).
   */
  static AttemptOutcome attemptOutcome(DialAttempt attempt, CallEnded ended) {
    if (attempt.previewAgentUserId != null) {
      return previewOutcome(ended);
    }
    if (attempt.abandonedAt != null) {
      return AttemptOutcome.ABANDONED;
    }
    if (ended.outcome() == io.switchboard.core.call.CallOutcome.MACHINE
        || AmdVerdict.MACHINE == amdVerdict(ended)) {
      return AttemptOutcome.MACHINE;
    }
    if (attempt.agentUserId != null || attempt.bridgedAt != null) {
      return AttemptOutcome.ANSWERED;
    }
    return switch (ended.outcome()) {
      case BUSY -> AttemptOutcome.BUSY;
      case CONGESTION, FAILED -> AttemptOutcome.FAILED;
      case ANSWERED, ABANDONED, NO_ANSWER, MACHINE -> AttemptOutcome.NO_ANSWER;
    };
  }

  /**
   * A preview dial (the agent's phone first, then the lead): the bridge's outcome of the call,
   * which for such an agent-first call is the lead's dial ({@code answered} only when the lead was
   * connected, else busy / no answer / congestion from its last {@code DialEnd}); nothing was
   * queued, so nothing was abandoned.
   */
  static AttemptOutcome previewOutcome(CallEnded ended) {
    return switch (ended.outcome()) {
      case ANSWERED -> AttemptOutcome.ANSWERED;
      case MACHINE -> AttemptOutcome.MACHINE;
      case BUSY -> AttemptOutcome.BUSY;
      case CONGESTION, FAILED -> AttemptOutcome.FAILED;
      case ABANDONED, NO_ANSWER -> AttemptOutcome.NO_ANSWER;
    };
  }

  /** AMD's verdict from the call's AMDSTATUS, or null when AMD did not run. */
  static AmdVerdict amdVerdict(CallEnded ended) {
    return ended.amdStatus() == null
        ? null
        : AmdVerdict.fromWire(ended.amdStatus().toLowerCase(Locale.ROOT));
  }

  /** What the pacing policy is told. */
  static CallOutcome pacingOutcome(AttemptOutcome outcome) {
    return switch (outcome) {
      case ANSWERED -> CallOutcome.COMPLETED;
      case ABANDONED -> CallOutcome.ABANDONED;
      case MACHINE -> CallOutcome.MACHINE;
      case NO_ANSWER -> CallOutcome.NO_ANSWER;
      case BUSY, FAILED -> CallOutcome.FAILED;
    };
  }

  /** The reason stored with the attempt: the bridge's outcome and Q.850 cause. */
  static String reason(CallEnded ended) {
    return ended.outcome().wire()
        + (ended.hangupCause() == null ? "" : " (cause " + ended.hangupCause() + ")");
  }
}
