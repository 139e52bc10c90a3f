package io.switchboard.ami.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.HangupSide;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.call.QueueMemberChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker fed by real captures (src/test/resources/captures/SOURCES.md). */
class RealCaptureReplayTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2020-08-31T15:28:01Z"));
  private final RecordingSink sink = new RecordingSink();
  private final CallTracker tracker =
      new CallTracker(CaptureReplay.SERVER, clock, sink, new SimpleMeterRegistry());

  @Test
  void theBasicCallCaptureIsOneAnsweredInternalCallHungUpByTheCaller() {
    CaptureReplay.load("basic-call-answered-ast13-sip.ami").replay(tracker, clock);

    CallRecord call = sink.onlyRecord();
    assertThat(call.serverId()).isEqualTo("pbx1");
    assertThat(call.linkedId()).isEqualTo("1598887681.60");
    assertThat(call.callId()).isEqualTo("pbx1:1598887681.60");
    assertThat(call.direction()).isEqualTo(CallDirection.INTERNAL);
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.callerNumber()).isEqualTo("9170");
    assertThat(call.callerName()).isEqualTo("Bud Heller");
    assertThat(call.dialledNumber()).isEqualTo("9898");
    assertThat(call.hangupBy()).isEqualTo(HangupSide.CALLER);
    assertThat(call.hangupCause()).isEqualTo(16);
    assertThat(call.queue()).isNull();
    assertThat(call.originateId()).isNull();
    assertThat(call.reconciled()).isFalse();
    assertThat(call.answeredAt()).isAfter(call.startedAt()).isBefore(call.endedAt());
    assertThat(call.waitMs()).isEqualTo(millis(call.startedAt(), call.answeredAt()));
    assertThat(call.talkMs()).isEqualTo(millis(call.answeredAt(), call.endedAt()));
    assertThat(call.legs())
        .extracting(CallLeg::uniqueId, CallLeg::channel, CallLeg::role, CallLeg::hangupCause)
        .containsExactly(
            tuple("1598887681.60", "SIP/9170-12-0000003c", LegRole.CALLER, 16),
            tuple("1598887681.61", "SIP/okon.ferry.sip.com-0000003d", LegRole.AGENT, 16));
    assertThat(sink.callAddresses())
        .containsExactly(
            CallAddresses.CALL_CREATED, CallAddresses.CALL_ANSWERED, CallAddresses.CALL_ENDED);
    assertThat(tracker.liveCalls()).isZero();
    assertThat(tracker.liveChannels()).isZero();
  }

  @Test
  void theBasicCaptureGluesItsDialEndToANewextenWhichTheReplaySplits() {
    CaptureReplay capture = CaptureReplay.load("basic-call-answered-ast13-sip.ami");

    assertThat(capture.gluedBlocksSplit).isEqualTo(2);
    assertThat(capture.events())
        .filteredOn(event -> event.isEvent("DialEnd"))
        .extracting(event -> event.get("DialStatus"))
        .containsExactly("ANSWER");
  }

  @Test
  void theBasicCallIsStillAnsweredWhenItsGluedDialEndIsNeverSeen() {
    CaptureReplay unsplit = CaptureReplay.loadUnsplit("basic-call-answered-ast13-sip.ami");
    assertThat(unsplit.events()).noneMatch(event -> event.isEvent("DialEnd"));

    unsplit.replay(tracker, clock);

    CallRecord call = sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.answeredAt()).isNotNull();
    assertThat(call.legs())
        .extracting(CallLeg::role)
        .containsExactly(LegRole.CALLER, LegRole.AGENT);
  }

  @Test
  void theQueuePauseCaptureUnpausesThenPausesTheMemberForABreak() {
    CaptureReplay.load("queue-member-pause-ast13-mixed.ami").replay(tracker, clock);

    assertThat(sink.events(QueueMemberChanged.class))
        .extracting(
            QueueMemberChanged::queue,
            QueueMemberChanged::memberInterface,
            QueueMemberChanged::change,
            QueueMemberChanged::pausedReason)
        .containsExactly(
            tuple("Books_12", "Local/9921-12@from-queue/n", QueueMemberChange.UNPAUSED, ""),
            tuple("Books_12", "Local/9921-12@from-queue/n", QueueMemberChange.PAUSED, "Break"));
    assertThat(tracker.queueMembers())
        .singleElement()
        .satisfies(
            member -> {
              assertThat(member.memberName()).isEqualTo("9921@okon.ferry.sip.com");
              assertThat(member.stateInterface()).isEqualTo("SIP/9921-12");
              assertThat(member.paused()).isTrue();
              assertThat(member.pausedReason()).isEqualTo("Break");
              assertThat(member.status()).isEqualTo(1);
            });
    assertThat(sink.records).isEmpty();
  }

  @Test
  void theQueueStatusCaptureRebuildsEveryListedMemberAtResync() {
    CaptureReplay capture = CaptureReplay.load("queue-status-list-ast13-mixed.ami");
    List<AmiMessage> queueStatus =
        capture.events().stream()
            .filter(e -> e.isEvent("QueueParams") || e.isEvent("QueueMember"))
            .toList();

    tracker.onResync(CaptureReplay.SERVER, List.of(), queueStatus);

    // The third glued pair, QueueStatusComplete + Response, has one Event header: not split.
    assertThat(capture.gluedBlocksSplit).isEqualTo(2);
    assertThat(tracker.queueMembers())
        .extracting(QueueMemberState::queue, QueueMemberState::memberInterface)
        .containsExactly(
            tuple("Shipping_12", "Local/9170-12@from-queue/n"),
            tuple("Shipping_12", "Local/8194-12@from-queue/n"),
            tuple("Books_12", "Local/9921-12@from-queue/n"),
            tuple("Books_12", "Local/9922-12@from-queue/n"),
            tuple("Financing_12", "Local/8895-12@from-queue/n"),
            tuple("Financing_12", "Local/9068-12@from-queue/n"),
            tuple("ISupport02_12", "Local/7855-12@from-queue/n"),
            tuple("ISupport02_12", "Local/7853-12@from-queue/n"),
            tuple("Bar_12", "Local/1245-12@from-queue/n"));
    assertThat(tracker.queueMembers())
        .filteredOn(QueueMemberState::paused)
        .extracting(QueueMemberState::memberName)
        .containsExactly(
            "7855@okon.ferry.sip.com", "7853@okon.ferry.sip.com", "1245@okon.ferry.sip.com");
    assertThat(sink.events(QueueMemberChanged.class))
        .hasSize(9)
        .allSatisfy(change -> assertThat(change.change()).isEqualTo(QueueMemberChange.RESYNC));
  }

  @Test
  void aSecondResyncWithoutAMemberAnnouncesItsRemoval() {
    CaptureReplay capture = CaptureReplay.load("queue-status-list-ast13-mixed.ami");
    List<AmiMessage> members =
        capture.events().stream().filter(e -> e.isEvent("QueueMember")).toList();
    tracker.onResync(CaptureReplay.SERVER, List.of(), members);
    sink.events.clear();

    tracker.onResync(CaptureReplay.SERVER, List.of(), members.subList(1, members.size()));

    assertThat(tracker.queueMembers()).hasSize(8);
    assertThat(sink.events(QueueMemberChanged.class))
        .filteredOn(change -> change.change() == QueueMemberChange.REMOVED)
        .singleElement()
        .satisfies(
            removed ->
                assertThat(removed.memberInterface()).isEqualTo("Local/9170-12@from-queue/n"));
  }

  private static long millis(Instant from, Instant to) {
    return to.toEpochMilli() - from.toEpochMilli();
  }
}
