package io.switchboard.ami.tracker;

import static io.switchboard.ami.tracker.TrackerHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.HangupSide;
import io.switchboard.core.call.QueueCallerChange;
import io.switchboard.core.call.QueueCallerChanged;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.call.QueueMemberChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lost AMI connection: a bridged call ends and an unknown call starts while it is down; the
 * resync (CoreShowChannels, QueueStatus) closes the one and adopts the other.
 */
class ResyncTrackingTest {

  private static final Instant LOST_AT = at("1700001010.000000");
  private static final Instant RESYNC_AT = at("1700001065.000000");

  private final TrackerHarness harness = new TrackerHarness();

  @BeforeEach
  void loseTheConnectionAndResync() {
    harness.replay("resync-before-outage.synthetic.ami");
    harness.clock.set(LOST_AT);
    harness.tracker.onDisconnected(CaptureReplay.SERVER, "connection reset");
    harness.clock.set(RESYNC_AT);
    List<AmiMessage> lists = CaptureReplay.load("resync-lists.synthetic.ami").events();
    harness.tracker.onResync(
        CaptureReplay.SERVER,
        lists.stream().filter(e -> e.isEvent("CoreShowChannel")).toList(),
        lists.stream()
            .filter(
                e ->
                    e.isEvent("QueueParams") || e.isEvent("QueueMember") || e.isEvent("QueueEntry"))
            .toList());
  }

  @Test
  void aCallThatEndedDuringTheOutageIsClosedAsReconciledWhenTheConnectionWasLost() {
    CallRecord call = harness.sink.onlyRecord();

    assertThat(call.linkedId()).isEqualTo("1700001000.80");
    assertThat(call.reconciled()).isTrue();
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.answeredAt()).isEqualTo(at("1700001003.100000"));
    assertThat(call.endedAt()).isEqualTo(LOST_AT);
    assertThat(call.talkMs()).isEqualTo(6_900);
    assertThat(call.hangupBy()).isNull();
    assertThat(call.legs())
        .extracting(CallLeg::uniqueId, CallLeg::endedAt, CallLeg::hangupCause)
        .containsExactly(
            tuple("1700001000.80", LOST_AT, null), tuple("1700001000.81", LOST_AT, null));
    assertThat(harness.counter("switchboard.ami.tracker.calls.reconciled", "server", "pbx1"))
        .isEqualTo(1);
  }

  @Test
  void anUnknownBridgedCallIsAdoptedAsAnsweredWithItsStartFromTheChannelDuration() {
    assertThat(harness.tracker.liveLinkedIds())
        .containsExactlyInAnyOrder("1700001000.90", "1700001030.95");
    assertThat(harness.sink.events(CallCreated.class))
        .filteredOn(created -> created.linkedId().equals("1700001030.95"))
        .singleElement()
        .satisfies(
            created -> {
              assertThat(created.direction()).isEqualTo(CallDirection.INBOUND);
              assertThat(created.startedAt()).isEqualTo(RESYNC_AT.minusSeconds(35));
            });
    assertThat(harness.sink.events(CallAnswered.class))
        .filteredOn(answered -> answered.linkedId().equals("1700001030.95"))
        .singleElement()
        .satisfies(answered -> assertThat(answered.answeredAt()).isEqualTo(RESYNC_AT));

    harness.sink.records.clear();
    harness.replay("resync-after-outage.synthetic.ami");

    CallRecord adopted = harness.sink.records.get(0);
    assertThat(adopted.linkedId()).isEqualTo("1700001030.95");
    assertThat(adopted.reconciled()).isTrue();
    assertThat(adopted.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(adopted.startedAt()).isEqualTo(RESYNC_AT.minusSeconds(35));
    assertThat(adopted.endedAt()).isEqualTo(at("1700001070.050000"));
    assertThat(adopted.hangupBy()).isEqualTo(HangupSide.CALLER);
    assertThat(adopted.legs())
        .extracting(CallLeg::uniqueId, CallLeg::role)
        .containsExactly(
            tuple("1700001030.95", LegRole.CALLER), tuple("1700001030.96", LegRole.AGENT));
  }

  @Test
  void aCallerStillWaitingIsKeptAndItsCallIsNotReconciled() {
    assertThat(harness.tracker.queueCallers())
        .extracting(QueueCallerState::uniqueId, QueueCallerState::joinedAt)
        .containsExactly(tuple("1700001000.90", at("1700001008.200000")));
    assertThat(harness.tracker.queueMembers())
        .extracting(QueueMemberState::memberName, QueueMemberState::inCall)
        .containsExactly(tuple("Dan", true));
    assertThat(harness.sink.events(QueueMemberChanged.class))
        .extracting(QueueMemberChanged::change)
        .containsExactly(QueueMemberChange.RESYNC);

    harness.replay("resync-after-outage.synthetic.ami");

    CallRecord waited = harness.sink.records.get(harness.sink.records.size() - 1);
    assertThat(waited.linkedId()).isEqualTo("1700001000.90");
    assertThat(waited.outcome()).isEqualTo(CallOutcome.ABANDONED);
    assertThat(waited.reconciled()).isFalse();
    assertThat(waited.waitMs()).isEqualTo(71_850);
    assertThat(harness.sink.events(QueueCallerChanged.class))
        .extracting(QueueCallerChanged::change)
        .containsExactly(
            QueueCallerChange.JOINED, QueueCallerChange.ABANDONED, QueueCallerChange.LEFT);
  }
}
