package io.switchboard.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.dialer.pacing.PacingEvent.CallEnded;
import io.switchboard.dialer.pacing.PacingEvent.CallOriginated;
import io.switchboard.dialer.pacing.PacingEvent.CallQueued;
import org.junit.jupiter.api.Test;

class BaselinePolicyTest {

  @Test
  void progressiveDialsOneCallPerReadyAgentLessCallsOnTheirWay() {
    HandMadeState s =
        new HandMadeState(new ProgressivePolicy())
            .agent("a1", AgentState.READY, 0)
            .agent("a2", AgentState.READY, 0)
            .agent("a3", AgentState.READY, 0)
            .agent("a4", AgentState.IN_CALL, 0)
            .ringing("c1", 1, 3);
    assertThat(s.decide(5)).isEqualTo(2);
  }

  @Test
  void progressiveNeverAsksForANegativeNumber() {
    HandMadeState s =
        new HandMadeState(new ProgressivePolicy())
            .agent("a1", AgentState.READY, 0)
            .ringing("c1", 1, 3)
            .ringing("c2", 1, 3);
    assertThat(s.decide(5)).isZero();
  }

  @Test
  void fixedRatioKeepsRatioTimesReadyAndTalkingAgentsOnTheLines() {
    HandMadeState s = new HandMadeState(new FixedRatioPolicy(1.5));
    for (int i = 0; i < 4; i++) {
      s.agent("r" + i, AgentState.READY, 0);
    }
    s.agent("w1", AgentState.WRAP_UP, 0);
    s.ringing("c1", 1, 2).ringing("c2", 1, 2);
    // 4 ready agents, the one in wrap-up does not count: round(1.5 x 4) = 6 lines, 2 in use.
    assertThat(s.decide(3)).isEqualTo(4);
  }

  @Test
  void aRatioBelowOneIsRejected() {
    assertThatThrownBy(() -> new FixedRatioPolicy(0.5)).hasMessageContaining("at least 1.0");
  }

  @Test
  void vicidialRaisesTheLevelWhileAgentsWaitAndNoCallWaits() {
    VicidialAdaptPolicy policy =
        new VicidialAdaptPolicy(VicidialSettings.defaults(VicidialMethod.ADAPT_HARD_LIMIT));
    HandMadeState s = new HandMadeState(policy);
    for (int i = 0; i < 10; i++) {
      s.agent("a" + i, AgentState.READY, 0);
    }
    for (int second = 0; second <= 15; second++) {
      s.decide(second);
    }
    // differential 10 over 10 agents = +100 %: the level doubles.
    assertThat(policy.level()).isEqualTo(2.0);
    assertThat(s.decide(16)).isEqualTo(20);
  }

  @Test
  void vicidialHardLimitDropsToProgressiveWhenTheDaysDropRateIsOver() {
    VicidialAdaptPolicy policy =
        new VicidialAdaptPolicy(VicidialSettings.defaults(VicidialMethod.ADAPT_HARD_LIMIT));
    HandMadeState s = new HandMadeState(policy);
    for (int i = 0; i < 10; i++) {
      s.agent("a" + i, AgentState.READY, 0);
    }
    for (int i = 0; i < 60; i++) {
      s.emit(new CallOriginated("c" + i, HandMadeState.at(0.5)));
      s.emit(new CallQueued("c" + i, HandMadeState.at(0.6)));
      CallOutcome outcome = i < 6 ? CallOutcome.ABANDONED : CallOutcome.COMPLETED;
      s.emit(new CallEnded("c" + i, outcome, HandMadeState.at(0.7)));
    }
    for (int second = 0; second <= 60; second++) {
      s.decide(second);
    }
    // 6 drops in 60 answers = 10 % > 3 %: HARD_LIMIT pins the level at 1.0.
    assertThat(policy.level()).isEqualTo(1.0);
  }

  @Test
  void issabelCountsReadyAgentsAndCallsAlmostSurelyOverButNotFreshOnes() {
    HandMadeState s =
        new HandMadeState(new IssabelPolicy(false))
            .conversation("x1", "a1", 0, 100)
            .agent("a2", AgentState.IN_CALL, 0)
            .agent("a3", AgentState.IN_CALL, 1990);
    // Mean talk is the prior and one 100 s call; a2 has talked 2000 s, which is past the 97 %
    // point of an exponential with that mean; a3 has just started; a1 is ready.
    assertThat(s.decide(2000)).isEqualTo(2);
  }
}
