package io.switchboard.agentws.call;

import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.CallTransferred;
import io.switchboard.core.call.TransferKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCallsTest {

  private static final Instant T0 = CallEvents.T0;

  private final AgentCalls calls = new AgentCalls(2, 3);

  private static PendingDial dial(String id, long userId, String phone) {
    return new PendingDial(id, userId, phone, 42L, T0);
  }

  @Test
  void aQueueCallRingsMembersAndTheOneWhoAnswersKeepsItsLegUntilTheEnd() {
    calls.offered(offered("1.1", "sales", "PJSIP/1001"));
    calls.offered(offered("1.1", "sales", "PJSIP/1002"));
    assertThat(calls.current("PJSIP/1001"))
        .isEqualTo(new AgentCall("pbx1", "1.1", "PJSIP/1001", "PJSIP/1001-0001", false));

    calls.answered(answered("1.1", "sales", "PJSIP/1002"));

    assertThat(calls.current("PJSIP/1001")).isNull();
    assertThat(calls.current("PJSIP/1002"))
        .isEqualTo(new AgentCall("pbx1", "1.1", "PJSIP/1002", "PJSIP/1002-0001", true));
    AgentCalls.Ending end =
        calls.ended(CallEvents.ended("1.1", CallOutcome.ANSWERED, "PJSIP/1002", null));
    assertThat(calls.current("PJSIP/1002")).isNull();
    assertThat(end.dial()).isNull();
    assertThat(end.interfaceToResolve()).isEqualTo("PJSIP/1002");
    assertThat(end.agentUserId()).isNull();
    assertThat(end.credits()).isTrue();
  }

  @Test
  void anAbandonedCallCreditsNobody() {
    calls.offered(offered("1.2", "sales", "PJSIP/1001"));
    AgentCalls.Ending end = calls.ended(CallEvents.ended("1.2", CallOutcome.ABANDONED, null, null));
    assertThat(end.credits()).isFalse();
    assertThat(calls.current("PJSIP/1001")).isNull();
  }

  @Test
  void aDialIsAnsweredOnceAndCreditedToItsAgentWithItsCustomer() {
    assertThat(calls.startDial(dial("o1", 7, "PJSIP/1001"))).isTrue();
    assertThat(calls.dialOf(7).originateId()).isEqualTo("o1");
    calls.created(CallEvents.dialCreated("o1", "PJSIP/1001-0009"));
    assertThat(calls.current("PJSIP/1001").answered()).isFalse();

    DialOutcome result = calls.answered(CallEvents.dialAnswered("o1"));

    assertThat(result).isEqualTo(new DialOutcome(7, "o1", "answered", "pbx1", "swb-o1"));
    assertThat(calls.dialOf(7)).isNull();
    assertThat(calls.current("PJSIP/1001").answered()).isTrue();
    assertThat(calls.handled("swb-o1").agents()).containsExactly(7L);
    AgentCalls.Ending end = calls.ended(CallEvents.dialEnded("o1", CallOutcome.ANSWERED));
    assertThat(end.dial()).isNull();
    assertThat(end.agentUserId()).isEqualTo(7);
    assertThat(end.customerId()).isEqualTo(42);
    assertThat(end.interfaceToResolve()).isNull();
  }

  @Test
  void aDialThatEndsWithoutAChannelStillReportsAndCreditsItsAgent() {
    calls.startDial(dial("o2", 7, "PJSIP/1001"));
    AgentCalls.Ending end = calls.ended(CallEvents.dialEnded("o2", CallOutcome.BUSY));
    assertThat(end.dial()).isEqualTo(new DialOutcome(7, "o2", "busy", "pbx1", "swb-o2"));
    assertThat(end.agentUserId()).isEqualTo(7);
    assertThat(calls.dialOf(7)).isNull();
  }

  @Test
  void dialsWithoutResultExpireAndTheirNumberIsBounded() {
    assertThat(calls.startDial(dial("o3", 7, "PJSIP/1001"))).isTrue();
    assertThat(calls.startDial(dial("o4", 8, "PJSIP/1002"))).isTrue();
    assertThat(calls.startDial(dial("o5", 9, "PJSIP/1003"))).isFalse();

    assertThat(calls.expireDials(T0.plusSeconds(119), Duration.ofMinutes(2))).isEmpty();
    List<DialOutcome> expired = calls.expireDials(T0.plusSeconds(120), Duration.ofMinutes(2));

    assertThat(expired)
        .containsExactlyInAnyOrder(
            new DialOutcome(7, "o3", "unknown", null, null),
            new DialOutcome(8, "o4", "unknown", null, null));
    assertThat(calls.dialOf(7)).isNull();
    assertThat(calls.startDial(dial("o5", 9, "PJSIP/1003"))).isTrue();
  }

  @Test
  void aSuccessfulTransferByTheAgentsChannelRemovesItsLeg() {
    calls.offered(offered("1.3", "sales", "PJSIP/1001"));
    calls.answered(answered("1.3", "sales", "PJSIP/1001"));
    calls.transferred(
        new CallTransferred(
            "pbx1", "1.3", "c", TransferKind.BLIND, "PJSIP/1001-0001", "support", false, null, T0));
    assertThat(calls.current("PJSIP/1001")).isNotNull();
    calls.transferred(
        new CallTransferred(
            "pbx1", "1.3", "c", TransferKind.BLIND, "PJSIP/1001-0001", "support", true, null, T0));
    assertThat(calls.current("PJSIP/1001")).isNull();
  }

  @Test
  void phonesWithACallAndHandledCallsAreBounded() {
    calls.offered(offered("2.1", "sales", "PJSIP/1001"));
    calls.offered(offered("2.2", "sales", "PJSIP/1002"));
    calls.offered(offered("2.3", "sales", "PJSIP/1003"));
    assertThat(calls.current("PJSIP/1003")).isNull();

    for (int i = 1; i <= 4; i++) {
      calls.handledBy("pbx1", "3." + i, i, null);
    }
    assertThat(calls.handled("3.1")).isNull();
    assertThat(calls.handled("3.4").lastAgent()).isEqualTo(4);
  }

  @Test
  void aCallRemembersEveryAgentWhoHandledItLatestLast() {
    calls.handledBy("pbx1", "4.1", 1, 5L);
    calls.handledBy("pbx1", "4.1", 2, null);
    calls.handledBy("pbx1", "4.1", 1, 6L);
    HandledCall handled = calls.handled("4.1");
    assertThat(handled.agents()).containsExactly(2L, 1L);
    assertThat(handled.lastAgent()).isEqualTo(1);
    assertThat(handled.customerId()).isEqualTo(5);
  }

  @Test
  void aPhonesInterfaceIsItsChannelNameWithoutTheSequence() {
    assertThat(PhoneChannels.interfaceOf("PJSIP/1001-0000002a")).isEqualTo("PJSIP/1001");
    assertThat(PhoneChannels.interfaceOf("SIP/office-1001-00000003")).isEqualTo("SIP/office-1001");
    assertThat(PhoneChannels.interfaceOf("Local/1001@agents-00000012;1")).isNull();
    assertThat(PhoneChannels.interfaceOf("PJSIP/1001")).isNull();
    assertThat(PhoneChannels.interfaceOf("PJSIP/-0001")).isNull();
    assertThat(PhoneChannels.interfaceOf("")).isNull();
    assertThat(PhoneChannels.interfaceOf(null)).isNull();
  }

  @Test
  void theLegsOfACallAlreadyTalkingAreLearntFromTheResyncsEventsInEitherOrder() {
    // The other parties' channels (trunks) count against the bound too: room for them.
    AgentCalls calls = new AgentCalls(10, 10);
    // The agent's phone listed first: created names it, the answer names the other party.
    calls.created(CallEvents.adopted("2.1", "PJSIP/1001-0007", "o9"));
    assertThat(calls.current("PJSIP/1001").answered()).isFalse();
    assertThat(calls.answered(CallEvents.adoptedAnswered("2.1", "PJSIP/trunk-0008", "o9")))
        .isNull();
    assertThat(calls.current("PJSIP/1001"))
        .isEqualTo(new AgentCall("pbx1", "2.1", "PJSIP/1001", "PJSIP/1001-0007", true));

    // The caller listed first: the answer names the agent's phone.
    calls.created(CallEvents.adopted("2.2", "PJSIP/trunk-0009", null));
    calls.answered(CallEvents.adoptedAnswered("2.2", "PJSIP/1002-000a", null));
    assertThat(calls.current("PJSIP/1002"))
        .isEqualTo(new AgentCall("pbx1", "2.2", "PJSIP/1002", "PJSIP/1002-000a", true));

    // A phone's known leg is not replaced by another call's channel.
    calls.ended(CallEvents.ended("2.1", CallOutcome.ANSWERED, null, null));
    calls.created(CallEvents.adopted("2.3", "PJSIP/1002-000b", null));
    assertThat(calls.current("PJSIP/1002").linkedId()).isEqualTo("2.2");
    assertThat(calls.current("PJSIP/1001")).isNull();
  }
}
