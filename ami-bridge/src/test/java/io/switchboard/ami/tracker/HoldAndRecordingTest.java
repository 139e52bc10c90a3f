package io.switchboard.ami.tracker;

import static io.switchboard.ami.tracker.TrackerHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallOutcome;
import java.util.List;
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
  void musicWhileAnAnsweredOriginateWaitsInAQueueIsWaitingNotHold() {
    // app_queue starts music on hold once the caller has joined (queue_exec: join_queue, then
    // ast_moh_start) and stops it as an agent answers; the customer had answered the originate.
    for (AmiMessage event : CaptureReplay.load("originate-answered.synthetic.ami").events()) {
      if (event.isEvent("QueueCallerLeave")) {
        feed(music("MusicOnHoldStop", event));
      }
      feed(event);
      if (event.isEvent("QueueCallerJoin")) {
        feed(music("MusicOnHoldStart", event));
      }
    }

    CallRecord call = harness.sink.onlyRecord();
    assertThat(call.answeredAt()).isEqualTo(at("1700000508.000000"));
    assertThat(call.waitMs()).isEqualTo(1_500);
    assertThat(call.holdMs()).isZero();
    assertThat(call.talkMs()).isEqualTo(94_060);
  }

  private void feed(AmiMessage event) {
    CaptureReplay.tick(event, harness.clock);
    harness.tracker.onEvent(CaptureReplay.SERVER, event);
  }

  /** A music-on-hold event on the channel of a queue event, at the same time. */
  private static AmiMessage music(String name, AmiMessage queueEvent) {
    AmiMessage.Builder event = AmiMessage.event(name);
    for (String key :
        List.of(
            "Privilege",
            "Timestamp",
            "Channel",
            "ChannelState",
            "ChannelStateDesc",
            "CallerIDNum",
            "CallerIDName",
            "Context",
            "Exten",
            "Uniqueid",
            "Linkedid")) {
      event.withOptional(key, queueEvent.get(key));
    }
    return event.with("Class", "default").build();
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
