package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.dialer.lead.AmdVerdict;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadStatus;
import io.switchboard.dialer.lead.OutcomeCounts;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallOutcomesTest {

  private static final Instant T = Instant.parse("2025-03-12T06:00:00Z");

  private static DialAttempt attempt() {
    Lead lead =
        new Lead(
            42,
            7,
            1,
            "+8613900000001",
            "Lead",
            null,
            Optional.empty(),
            null,
            LeadStatus.DIALING,
            null,
            1,
            new OutcomeCounts(0, 0, 0, 0, 0),
            null,
            null,
            T,
            false,
            T);
    return new DialAttempt(lead, DialAttempt.originateId(lead), T);
  }

  private static CallEnded ended(CallOutcome outcome, String amdStatus) {
    return new CallEnded(
        "pbx1",
        "swb-x",
        "pbx1:swb-x",
        CallDirection.OUTBOUND,
        outcome,
        16,
        null,
        "",
        "",
        "",
        "sales",
        null,
        null,
        "x",
        T,
        null,
        T.plusSeconds(5),
        0,
        0,
        0,
        null,
        amdStatus,
        false,
        null);
  }

  @Test
  void theOriginateIdNamesCampaignLeadAndTheNextAttemptNumber() {
    assertThat(attempt().originateId).isEqualTo("c7-l42-a2");
  }

  @Test
  void aCallTheRunnerAbandonedIsAbandonedWhateverThePbxCallsIt() {
    DialAttempt attempt = attempt();
    attempt.answeredAt = T.plusSeconds(3);
    attempt.abandonedAt = T.plusSeconds(5);
    assertThat(CallOutcomes.attemptOutcome(attempt, ended(CallOutcome.ABANDONED, "HUMAN")))
        .isEqualTo(AttemptOutcome.ABANDONED);
  }

  @Test
  void aPersonWhoHangsUpInTheQueueBeforeTheGraceEndsIsNoAnswerNotAnAbandonment() {
    DialAttempt attempt = attempt();
    attempt.answeredAt = T.plusSeconds(3);
    assertThat(CallOutcomes.attemptOutcome(attempt, ended(CallOutcome.ABANDONED, "HUMAN")))
        .isEqualTo(AttemptOutcome.NO_ANSWER);
  }

  @Test
  void anAgentTakingTheCallMakesItAnsweredAndAmdMachineMakesItAMachine() {
    DialAttempt taken = attempt();
    taken.bridgedAt = T.plusSeconds(4);
    taken.agentUserId = 3L;
    assertThat(CallOutcomes.attemptOutcome(taken, ended(CallOutcome.ANSWERED, "HUMAN")))
        .isEqualTo(AttemptOutcome.ANSWERED);
    CallEnded machine = ended(CallOutcome.MACHINE, "MACHINE");
    assertThat(CallOutcomes.attemptOutcome(attempt(), machine)).isEqualTo(AttemptOutcome.MACHINE);
    assertThat(CallOutcomes.amdVerdict(machine)).isEqualTo(AmdVerdict.MACHINE);
  }

  @Test
  void busyCongestionAndFailuresFollowThePbx() {
    assertThat(CallOutcomes.attemptOutcome(attempt(), ended(CallOutcome.BUSY, null)))
        .isEqualTo(AttemptOutcome.BUSY);
    assertThat(CallOutcomes.attemptOutcome(attempt(), ended(CallOutcome.CONGESTION, null)))
        .isEqualTo(AttemptOutcome.FAILED);
    assertThat(CallOutcomes.attemptOutcome(attempt(), ended(CallOutcome.NO_ANSWER, null)))
        .isEqualTo(AttemptOutcome.NO_ANSWER);
    assertThat(CallOutcomes.amdVerdict(ended(CallOutcome.BUSY, null))).isNull();
  }
}
