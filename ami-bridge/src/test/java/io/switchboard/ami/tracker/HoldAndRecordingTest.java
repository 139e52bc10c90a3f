package io.switchboard.ami.tracker;

import static io.switchboard.ami.tracker.TrackerHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallOutcome;
import org.junit.jupiter.api.Test;

/** Hold time and recordings, replayed from synthetic fixtures. */
class HoldAndRecordingTest {

  private final TrackerHarness harness = new TrackerHarness();

  @Test
  void holdIsCountedOnceAcrossHoldAndMusicAndNotBeforeTheAnswer() {
    harness.replay("hold.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
    assertThat(call.dialledNumber()).isEqualTo("1001");
    assertThat(call.answeredAt()).isEqualTo(at("1700000855.000000"));
    // Hold at 865.000, music to the caller 865.010, Unhold 895.000, music stops 895.050.
    assertThat(call.holdMs()).isEqualTo(30_050);
    assertThat(call.talkMs()).isEqualTo(60_050 - 30_050);
    assertThat(call.waitMs()).isEqualTo(5_000);
    assertThat(call.recordingFile()).isNull();
  }

  @Test
  void aMixMonitorRecordingIsNamedOnTheCallLog() {
    harness.replay("mixmonitor.synthetic.ami");

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.recordingFile())
        .isEqualTo("/var/spool/asterisk/monitor/in-1001-1700000900.70.wav");
    assertThat(call.recorded()).isTrue();
    assertThat(call.holdMs()).isZero();
  }
}
