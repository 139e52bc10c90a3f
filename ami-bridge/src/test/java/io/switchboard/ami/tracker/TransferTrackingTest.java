package io.switchboard.ami.tracker;

import static io.switchboard.ami.tracker.TrackerHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.CallTransferred;
import io.switchboard.core.call.HangupSide;
import io.switchboard.core.call.TransferKind;
import org.junit.jupiter.api.Test;

/** Transfers and Local-channel optimisation, replayed from synthetic fixtures. */
class TransferTrackingTest {

  private final TrackerHarness harness = new TrackerHarness();

  @Test
  void aBlindTransferKeepsOneCallAndTheTransfererLeavingIsNotItsEnd() {
    harness.replay("blind-transfer.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.answeredAt()).isEqualTo(at("1700000305.000000"));
    assertThat(call.endedAt()).isEqualTo(at("1700000386.300000"));
    assertThat(call.hangupBy()).isEqualTo(HangupSide.CALLER);
    assertThat(call.transfers())
        .containsExactly(
            new CallTransfer(
                TransferKind.BLIND,
                at("1700000335.000000"),
                "PJSIP/1001-00000021",
                "1002@internal",
                true));
    assertThat(call.legs())
        .extracting(CallLeg::channel, CallLeg::role)
        .containsExactly(
            tuple("PJSIP/provider-00000020", LegRole.CALLER),
            tuple("PJSIP/1001-00000021", LegRole.AGENT),
            tuple("PJSIP/1002-00000022", LegRole.TRANSFER));
    assertThat(harness.sink.events(CallTransferred.class))
        .singleElement()
        .satisfies(
            transfer -> {
              assertThat(transfer.kind()).isEqualTo(TransferKind.BLIND);
              assertThat(transfer.target()).isEqualTo("1002@internal");
              assertThat(transfer.callId()).isEqualTo("pbx1:1700000300.20");
            });
  }

  @Test
  void anAttendedTransferMergesTheConsultationIntoTheOriginalCall() {
    harness.replay("attended-transfer-local.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.linkedId()).isEqualTo("1700000400.30");
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.memberName()).isEqualTo("Alice");
    assertThat(call.agentInterface()).isEqualTo("Local/1001@agents/n");
    assertThat(call.answeredAt()).isEqualTo(at("1700000406.100000"));
    assertThat(call.endedAt()).isEqualTo(at("1700000505.350000"));
    // Held from the agent's Hold (with music to the caller) until the agent's channel left.
    assertThat(call.holdMs()).isEqualTo(19_050);
    assertThat(call.talkMs()).isEqualTo(80_200);
    assertThat(call.hangupBy()).isEqualTo(HangupSide.AGENT);
    assertThat(call.legs())
        .extracting(CallLeg::uniqueId, CallLeg::role)
        .containsExactly(
            tuple("1700000400.30", LegRole.CALLER),
            tuple("1700000400.31", LegRole.AGENT),
            tuple("1700000400.32", LegRole.OTHER),
            tuple("1700000400.33", LegRole.AGENT),
            tuple("1700000400.40", LegRole.OTHER),
            tuple("1700000400.41", LegRole.TRANSFER));
    assertThat(call.transfers())
        .extracting(CallTransfer::kind, CallTransfer::transfererChannel, CallTransfer::target)
        .containsExactly(
            tuple(TransferKind.ATTENDED, "PJSIP/1001-00000033", "PJSIP/1002-00000041"));
    assertThat(harness.tracker.liveCalls()).isZero();
    assertThat(harness.tracker.liveChannels()).isZero();
  }

  @Test
  void theConsultationCallEndsAsMergedAndTheTransferNamesIt() {
    harness.replay("attended-transfer-local.synthetic.ami");

    assertThat(harness.sink.events(CallEnded.class))
        .extracting(CallEnded::callId, CallEnded::mergedIntoCallId)
        .containsExactly(
            tuple("pbx1:1700000400.40", "pbx1:1700000400.30"), tuple("pbx1:1700000400.30", null));
    assertThat(harness.sink.events(CallTransferred.class))
        .singleElement()
        .satisfies(
            transfer -> {
              assertThat(transfer.kind()).isEqualTo(TransferKind.ATTENDED);
              assertThat(transfer.success()).isTrue();
              assertThat(transfer.consultationCallId()).isEqualTo("pbx1:1700000400.40");
            });
    assertThat(harness.sink.callAddresses())
        .containsExactly(
            CallAddresses.CALL_CREATED,
            CallAddresses.CALL_QUEUED,
            CallAddresses.CALL_OFFERED,
            CallAddresses.CALL_ANSWERED,
            CallAddresses.CALL_CREATED,
            CallAddresses.CALL_ANSWERED,
            CallAddresses.CALL_ENDED,
            CallAddresses.CALL_TRANSFERRED,
            CallAddresses.CALL_ENDED);
  }

  @Test
  void aChannelWhoseLinkedidTurnsOlderMovesIntoThatCallEvenWithoutTheTransferEvent() {
    // The attended-transfer flow without its AttendedTransfer event: only the target's new
    // Linkedid (BridgeEnter into the caller's bridge) moves it into the original call.
    CaptureReplay.load("attended-transfer-local.synthetic.ami").events().stream()
        .filter(event -> !event.isEvent("AttendedTransfer"))
        .forEach(
            event -> {
              CaptureReplay.tick(event, harness.clock);
              harness.tracker.onEvent(CaptureReplay.SERVER, event);
            });

    // The agent's consultation leg kept its own Linkedid, so it ends as a call of its own.
    assertThat(harness.sink.records)
        .extracting(CallRecord::linkedId)
        .containsExactly("1700000400.40", "1700000400.30");
    assertThat(harness.sink.records.get(0).legs())
        .extracting(CallLeg::uniqueId)
        .containsExactly("1700000400.40");
    assertThat(harness.sink.records.get(1).legs())
        .extracting(CallLeg::uniqueId, CallLeg::role)
        .contains(tuple("1700000400.41", LegRole.TRANSFER));
    assertThat(harness.sink.records.get(1).hangupBy()).isEqualTo(HangupSide.AGENT);
  }
}
