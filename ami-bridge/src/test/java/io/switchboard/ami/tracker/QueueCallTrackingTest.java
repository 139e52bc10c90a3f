package io.switchboard.ami.tracker;

import static io.switchboard.ami.tracker.TrackerHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.CallQueued;
import io.switchboard.core.call.HangupSide;
import io.switchboard.core.call.QueueCallerChange;
import io.switchboard.core.call.QueueCallerChanged;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.call.QueueMemberChanged;
import org.junit.jupiter.api.Test;

/** Queue calls, replayed from the synthetic fixtures of src/test/resources/captures. */
class QueueCallTrackingTest {

  private final TrackerHarness harness = new TrackerHarness();

  @Test
  void aQueueCallAnsweredInTheOrderAsteriskSendsIsLoggedWithItsAgentWaitAndRecording() {
    harness.replay("queue-answered.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.linkedId()).isEqualTo("1700000000.1");
    assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.callerNumber()).isEqualTo("+442079460123");
    assertThat(call.dialledNumber()).isEqualTo("800");
    assertThat(call.queue()).isEqualTo("sales");
    assertThat(call.queuedAt()).isEqualTo(at("1700000000.100000"));
    assertThat(call.queueLeftAt()).isEqualTo(at("1700000009.100000"));
    // The agent's phone going Up is the first sign of the answer, before DialEnd and AgentConnect.
    assertThat(call.answeredAt()).isEqualTo(at("1700000009.000000"));
    assertThat(call.waitMs()).isEqualTo(8_900);
    assertThat(call.endedAt()).isEqualTo(at("1700000069.200000"));
    assertThat(call.talkMs()).isEqualTo(60_200);
    assertThat(call.holdMs()).isZero();
    assertThat(call.agentInterface()).isEqualTo("PJSIP/1001");
    assertThat(call.memberName()).isEqualTo("Alice");
    assertThat(call.recordingFile())
        .isEqualTo("/var/spool/asterisk/monitor/q-sales-1700000000.1.wav");
    assertThat(call.hangupBy()).isEqualTo(HangupSide.CALLER);
    assertThat(call.offers())
        .extracting(CallOffer::memberName, CallOffer::result, CallOffer::ringMs)
        .containsExactly(tuple("Alice", OfferResult.CONNECTED, 4_000L));
    assertThat(call.legs())
        .extracting(CallLeg::channel, CallLeg::role)
        .containsExactly(
            tuple("PJSIP/provider-00000001", LegRole.CALLER),
            tuple("PJSIP/1001-00000002", LegRole.AGENT));
  }

  @Test
  void aQueueCallAnnouncesCreationQueueOfferAndAnswerWithTheAgentInOrder() {
    harness.replay("queue-answered.synthetic.ami");

    assertThat(harness.sink.callAddresses())
        .containsExactly(
            CallAddresses.CALL_CREATED,
            CallAddresses.CALL_QUEUED,
            CallAddresses.CALL_OFFERED,
            CallAddresses.CALL_ANSWERED,
            CallAddresses.CALL_ENDED);
    assertThat(harness.sink.events(CallQueued.class))
        .singleElement()
        .satisfies(queued -> assertThat(queued.position()).isEqualTo(1));
    assertThat(harness.sink.events(CallOffered.class))
        .singleElement()
        .satisfies(offered -> assertThat(offered.agentInterface()).isEqualTo("PJSIP/1001"));
    assertThat(harness.sink.events(CallAnswered.class))
        .singleElement()
        .satisfies(
            answered -> {
              assertThat(answered.queue()).isEqualTo("sales");
              assertThat(answered.memberName()).isEqualTo("Alice");
              assertThat(answered.waitMs()).isEqualTo(8_900);
            });
    assertThat(harness.sink.events(QueueCallerChanged.class))
        .extracting(QueueCallerChanged::change, QueueCallerChanged::waitMs)
        .containsExactly(
            tuple(QueueCallerChange.JOINED, 0L), tuple(QueueCallerChange.LEFT, 9_000L));
    assertThat(harness.sink.events(QueueMemberChanged.class))
        .singleElement()
        .satisfies(status -> assertThat(status.change()).isEqualTo(QueueMemberChange.STATUS));
    assertThat(harness.tracker.queueCallers()).isEmpty();
  }

  @Test
  void aCallerWhoHangsUpWhileTheAgentRingsIsAnAbandonWithItsWaitTime() {
    harness.replay("queue-abandon.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(CallOutcome.ABANDONED);
    assertThat(call.answeredAt()).isNull();
    assertThat(call.queue()).isEqualTo("support");
    assertThat(call.waitMs()).isEqualTo(20_000);
    assertThat(call.talkMs()).isZero();
    assertThat(call.hangupBy()).isEqualTo(HangupSide.CALLER);
    assertThat(call.offers())
        .extracting(CallOffer::memberName, CallOffer::result)
        .containsExactly(tuple("Bob", OfferResult.CALLER_LEFT));
    assertThat(harness.sink.events(QueueCallerChanged.class))
        .extracting(QueueCallerChanged::change)
        .containsExactly(
            QueueCallerChange.JOINED, QueueCallerChange.ABANDONED, QueueCallerChange.LEFT);
    assertThat(harness.sink.callAddresses()).doesNotContain(CallAddresses.CALL_ANSWERED);
    assertThat(harness.counter("switchboard.ami.tracker.calls.ended", "outcome", "abandoned"))
        .isEqualTo(1);
  }

  @Test
  void anAgentWhoRingsOutIsLoggedAndTheSecondAgentTakesTheCall() {
    harness.replay("queue-ring-no-answer-second-agent.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.memberName()).isEqualTo("Bob");
    assertThat(call.agentInterface()).isEqualTo("PJSIP/1002");
    assertThat(call.offers())
        .extracting(CallOffer::memberName, CallOffer::result, CallOffer::ringMs)
        .containsExactly(
            tuple("Alice", OfferResult.NO_ANSWER, 15_000L),
            tuple("Bob", OfferResult.CONNECTED, 3_000L));
    assertThat(call.hangupBy()).isEqualTo(HangupSide.AGENT);
    assertThat(call.legs())
        .extracting(CallLeg::channel, CallLeg::role, CallLeg::answeredAt)
        .containsExactly(
            tuple("PJSIP/provider-00000010", LegRole.CALLER, null),
            tuple("PJSIP/1001-00000011", LegRole.AGENT, null),
            tuple("PJSIP/1002-00000012", LegRole.AGENT, at("1700000224.100000")));
    assertThat(harness.sink.events(CallOffered.class)).hasSize(2);
  }
}
