package io.switchboard.ami.tracker;

import static io.switchboard.ami.tracker.TrackerHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.HangupSide;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Originated calls and answering-machine detection, replayed from synthetic fixtures. */
class OriginateTrackingTest {

  private final TrackerHarness harness = new TrackerHarness();

  @Test
  void anAnsweredOriginateCarriesItsIdAndIsAnsweredWhenTheCustomerPicksUp() {
    harness.replay("originate-answered.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.linkedId()).isEqualTo("swb-o-1001");
    assertThat(call.originateId()).isEqualTo("o-1001");
    assertThat(call.originateReason()).isEqualTo(4);
    assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.callerNumber()).isEqualTo("02079460000");
    assertThat(call.dialledNumber()).isEqualTo("07700900123");
    assertThat(call.answeredAt()).isEqualTo(at("1700000508.000000"));
    assertThat(call.queue()).isEqualTo("dialer");
    assertThat(call.waitMs()).isEqualTo(1_500);
    assertThat(call.talkMs()).isEqualTo(94_060);
    assertThat(call.memberName()).isEqualTo("Carol");
    assertThat(call.amdStatus()).isEqualTo("HUMAN");
    assertThat(call.hangupBy()).isEqualTo(HangupSide.CALLER);
    assertThat(call.legs())
        .extracting(CallLeg::uniqueId, CallLeg::role)
        .containsExactly(
            tuple("swb-o-1001", LegRole.CALLER), tuple("1700000500.51", LegRole.AGENT));
  }

  @Test
  void anOriginateIsAnnouncedAsOutboundAndAnsweredOnceForTheCustomerAndOnceForTheAgent() {
    harness.replay("originate-answered.synthetic.ami");

    assertThat(harness.sink.events(CallCreated.class))
        .singleElement()
        .satisfies(
            created -> {
              assertThat(created.direction()).isEqualTo(CallDirection.OUTBOUND);
              assertThat(created.originateId()).isEqualTo("o-1001");
            });
    assertThat(harness.sink.events(CallAnswered.class))
        .extracting(CallAnswered::memberName, CallAnswered::answeredAt, CallAnswered::originateId)
        .containsExactly(
            tuple(null, at("1700000508.000000"), "o-1001"),
            tuple("Carol", at("1700000508.000000"), "o-1001"));
  }

  @ParameterizedTest(name = "{0} ends as {1} (OriginateResponse reason {2})")
  @CsvSource({
    "originate-busy.synthetic.ami, BUSY, 5, swb-o-1002, 17",
    "originate-no-answer.synthetic.ami, NO_ANSWER, 3, swb-o-1003, 16",
    "originate-congestion.synthetic.ami, CONGESTION, 8, swb-o-1004, 34",
  })
  void aFailedOriginateEndsWithTheOutcomeOfItsResponse(
      String capture, CallOutcome outcome, int reason, String linkedId, int cause) {
    harness.replay(capture);

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(outcome);
    assertThat(call.originateReason()).isEqualTo(reason);
    assertThat(call.linkedId()).isEqualTo(linkedId);
    assertThat(call.originateId()).isEqualTo(linkedId.substring("swb-".length()));
    assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
    assertThat(call.answeredAt()).isNull();
    assertThat(call.talkMs()).isZero();
    assertThat(call.hangupCause()).isEqualTo(cause);
    assertThat(call.legs()).hasSize(1);
  }

  @Test
  void anOriginateThatCreatedNoChannelIsLoggedAsFailedUnderItsChannelId() {
    harness.replay("originate-failed.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(CallOutcome.FAILED);
    assertThat(call.linkedId()).isEqualTo("swb-o-1005");
    assertThat(call.originateId()).isEqualTo("o-1005");
    assertThat(call.originateReason()).isZero();
    assertThat(call.dialledNumber()).isEqualTo("07700900999");
    assertThat(call.startedAt()).isEqualTo(call.endedAt());
    assertThat(call.legs()).isEmpty();
    assertThat(harness.sink.events(CallEnded.class)).hasSize(1);
  }

  @Test
  void aBusyOriginateWaitsForItsResponseAfterTheHangup() {
    List<AmiMessage> events = CaptureReplay.load("originate-busy.synthetic.ami").events();
    AmiMessage response = events.get(events.size() - 1);
    for (AmiMessage event : events.subList(0, events.size() - 1)) {
      CaptureReplay.tick(event, harness.clock);
      harness.tracker.onEvent(CaptureReplay.SERVER, event);
    }
    harness.tracker.expire();
    assertThat(harness.sink.records).isEmpty();
    assertThat(harness.tracker.liveCalls()).isEqualTo(1);

    CaptureReplay.tick(response, harness.clock);
    harness.tracker.onEvent(CaptureReplay.SERVER, response);

    assertThat(harness.sink.onlyRecord().endedAt()).isEqualTo(at("1700000601.200000"));
    assertThat(harness.tracker.liveCalls()).isZero();
  }

  @Test
  void anOriginateWhoseResponseNeverComesEndsAfterTheLingerFromItsDialStatus() {
    List<AmiMessage> events = CaptureReplay.load("originate-busy.synthetic.ami").events();
    for (AmiMessage event : events.subList(0, events.size() - 1)) {
      CaptureReplay.tick(event, harness.clock);
      harness.tracker.onEvent(CaptureReplay.SERVER, event);
    }

    harness.clock.advance(CallTrackerLimits.DEFAULT_ORIGINATE_LINGER.minus(Duration.ofMillis(1)));
    harness.tracker.expire();
    assertThat(harness.sink.records).isEmpty();
    harness.clock.advance(Duration.ofMillis(1));
    harness.tracker.expire();

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(call.originateReason()).isNull();
    assertThat(call.endedAt()).isEqualTo(at("1700000601.200000"));
  }

  @Test
  void anAnsweringMachineIsLoggedAsMachineWithItsDetectionCause() {
    harness.replay("amd-machine.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(CallOutcome.MACHINE);
    assertThat(call.amdStatus()).isEqualTo("MACHINE");
    assertThat(call.amdCause()).isEqualTo("LONGGREETING-1500-1500");
    assertThat(call.answeredAt()).isEqualTo(at("1700000795.300000"));
    assertThat(call.hangupBy()).isEqualTo(HangupSide.SYSTEM);
    assertThat(harness.counter("switchboard.ami.tracker.calls.ended", "outcome", "machine"))
        .isEqualTo(1);
  }

  @Test
  void anAgentFirstCallIsAnsweredWhenTheDialledCustomerAnswersNotWhenTheAgentsPhoneDoes() {
    harness.replay("originate-agent-first-answered.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.originateId()).isEqualTo("c1-l2-a1");
    assertThat(call.originateReason()).isEqualTo(4);
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
    assertThat(call.answeredAt()).as("the customer's answer").isEqualTo(at("1700000906.000000"));
    assertThat(call.waitMs()).as("agent's phone and customer ringing").isEqualTo(6_000);
    assertThat(call.talkMs()).isEqualTo(30_000);
    assertThat(call.legs())
        .extracting(CallLeg::channel, CallLeg::role, CallLeg::answeredAt)
        .containsExactly(
            tuple("PJSIP/1001-00000000", LegRole.CALLER, at("1700000902.000000")),
            tuple("PJSIP/trunk-00000001", LegRole.AGENT, at("1700000906.000000")));
    assertThat(harness.sink.events(CallAnswered.class))
        .as("call.answered still says when the agent's phone picked up (click-to-dial's result)")
        .extracting(CallAnswered::answeredAt, CallAnswered::originateId)
        .containsExactly(tuple(at("1700000902.000000"), "c1-l2-a1"));
    assertThat(harness.sink.events(CallEnded.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.answeredAt()).isEqualTo(at("1700000906.000000")));
  }

  @Test
  void anAgentFirstCallWhoseCustomerIsBusyIsBusyThoughTheAgentsPhoneAnswered() {
    harness.replay("originate-agent-first-busy.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.originateReason()).isEqualTo(4);
    assertThat(call.outcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(call.answeredAt()).isNull();
    assertThat(call.talkMs()).isZero();
    assertThat(call.waitMs()).isEqualTo(5_000);
    assertThat(call.hangupCause()).isEqualTo(17);
    assertThat(harness.sink.events(CallEnded.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.outcome()).isEqualTo(CallOutcome.BUSY));
  }

  @ParameterizedTest(name = "a customer's DialEnd {0} makes the agent-first call {1}")
  @CsvSource({
    "NOANSWER, NO_ANSWER",
    "CANCEL, NO_ANSWER",
    "CONGESTION, CONGESTION",
    "CHANUNAVAIL, CONGESTION"
  })
  void anAgentFirstCallTakesItsOutcomeFromTheCustomersLastDialStatus(
      String status, CallOutcome outcome) {
    List<AmiMessage> events =
        CaptureReplay.load("originate-agent-first-busy.synthetic.ami").events().stream()
            .map(e -> "BUSY".equals(e.get("DialStatus")) ? withDialStatus(e, status) : e)
            .toList();
    for (AmiMessage event : events) {
      CaptureReplay.tick(event, harness.clock);
      harness.tracker.onEvent(CaptureReplay.SERVER, event);
    }

    assertThat(harness.sink.onlyRecord().outcome()).isEqualTo(outcome);
  }

  private static AmiMessage withDialStatus(AmiMessage event, String status) {
    AmiMessage.Builder copy = AmiMessage.event(event.name());
    event
        .fields()
        .forEach(
            f -> {
              if (!"Event".equalsIgnoreCase(f.getKey())) {
                copy.with(
                    f.getKey(), "DialStatus".equalsIgnoreCase(f.getKey()) ? status : f.getValue());
              }
            });
    return copy.build();
  }
}
