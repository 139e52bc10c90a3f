package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialer.pacing.AgentState;
import io.switchboard.dialer.runner.GroupMemberChoice.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupMemberChoiceTest {

  private static final Instant T0 = Instant.parse("2025-03-12T06:00:00Z");

  @Test
  void theReadyMemberIdleLongestTakesTheCall() {
    List<Candidate> agents =
        List.of(
            new Candidate(2, AgentState.READY, T0.plusSeconds(30), "PJSIP/1002"),
            new Candidate(3, AgentState.READY, T0.plusSeconds(10), "PJSIP/1003"),
            new Candidate(4, AgentState.READY, T0.plusSeconds(20), "PJSIP/1004"));

    assertThat(GroupMemberChoice.choose(agents, Set.of(2L, 3L, 4L), Set.of()))
        .map(Candidate::userId)
        .contains(3L);
  }

  @Test
  void nonMembersBusyPausedReservedAndPhonelessAgentsAreNeverChosen() {
    List<Candidate> agents =
        List.of(
            new Candidate(1, AgentState.READY, T0, "PJSIP/1001"),
            new Candidate(2, AgentState.IN_CALL, T0, "PJSIP/1002"),
            new Candidate(3, AgentState.PAUSED, T0, "PJSIP/1003"),
            new Candidate(4, AgentState.WRAP_UP, T0, "PJSIP/1004"),
            new Candidate(5, AgentState.READY, T0, "PJSIP/1005"),
            new Candidate(6, AgentState.READY, T0, "nointerface"),
            new Candidate(7, AgentState.READY, T0.plusSeconds(60), "Local/1007@agents/n"));

    assertThat(GroupMemberChoice.choose(agents, Set.of(2L, 3L, 4L, 5L, 6L, 7L), Set.of(5L)))
        .map(Candidate::userId)
        .contains(7L);
    assertThat(GroupMemberChoice.choose(agents, Set.of(2L, 3L, 4L, 5L, 6L), Set.of(5L))).isEmpty();
  }

  @Test
  void onATieTheLowerUserIdWinsAndAnUnknownReadyTimeComesLast() {
    List<Candidate> agents =
        List.of(
            new Candidate(9, AgentState.READY, null, "PJSIP/1009"),
            new Candidate(8, AgentState.READY, T0, "PJSIP/1008"),
            new Candidate(7, AgentState.READY, T0, "PJSIP/1007"));

    assertThat(GroupMemberChoice.choose(agents, Set.of(7L, 8L, 9L), Set.of()))
        .map(Candidate::userId)
        .contains(7L);
    assertThat(GroupMemberChoice.choose(agents, Set.of(9L), Set.of()))
        .map(Candidate::userId)
        .contains(9L);
  }

  @Test
  void anAgentsExtensionIsTheResourceOfItsInterface() {
    assertThat(GroupMemberChoice.extensionOf("PJSIP/1001")).isEqualTo("1001");
    assertThat(GroupMemberChoice.extensionOf("Local/1002@agents/n")).isEqualTo("1002");
    assertThat(GroupMemberChoice.extensionOf("SIP/ann/1003")).isEqualTo("ann");
    assertThat(GroupMemberChoice.extensionOf("PJSIP")).isNull();
    assertThat(GroupMemberChoice.extensionOf("PJSIP/")).isNull();
    assertThat(GroupMemberChoice.extensionOf(null)).isNull();
  }
}
