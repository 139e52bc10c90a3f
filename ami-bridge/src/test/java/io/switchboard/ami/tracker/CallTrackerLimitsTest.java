package io.switchboard.ami.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ami.codec.AmiMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tracker's bounds, and what it does with input that is not its own. */
class CallTrackerLimitsTest {

  private static final CallTrackerLimits ONE_CALL =
      new CallTrackerLimits(1, 10, 4, 2, 2, 2, Duration.ofSeconds(5));

  private final TrackerHarness harness = new TrackerHarness(ONE_CALL);

  @Test
  void aCallBeyondTheLimitIsRefusedCountedAndNeverLogged() {
    harness.tracker.onEvent("pbx1", newChannel("PJSIP/a-1", "1.1", "1.1"));
    harness.tracker.onEvent("pbx1", newChannel("PJSIP/b-2", "2.2", "2.2"));
    harness.tracker.onEvent("pbx1", hangup("PJSIP/b-2", "2.2", "2.2"));

    assertThat(harness.tracker.liveCalls()).isEqualTo(1);
    assertThat(harness.tracker.liveLinkedIds()).containsExactly("1.1");
    assertThat(harness.counter("switchboard.ami.tracker.refused", "limit", "calls")).isEqualTo(1);
    assertThat(harness.counter("switchboard.ami.tracker.events.unknown.channel", "server", "pbx1"))
        .isEqualTo(1);
    assertThat(harness.sink.records).isEmpty();
  }

  @Test
  void aCallGrowingPastItsChannelLimitKeepsTheChannelsItHas() {
    for (int i = 1; i <= 5; i++) {
      harness.tracker.onEvent("pbx1", newChannel("PJSIP/a-" + i, "1." + i, "1.1"));
    }

    assertThat(harness.tracker.liveChannels()).isEqualTo(4);
    assertThat(harness.counter("switchboard.ami.tracker.refused", "limit", "channels_per_call"))
        .isEqualTo(1);
  }

  @Test
  void anEndedCallLeavesNothingBehind() {
    harness.tracker.onEvent("pbx1", newChannel("PJSIP/a-1", "1.1", "1.1"));
    harness.tracker.onEvent("pbx1", newChannel("PJSIP/b-2", "1.2", "1.1"));
    harness.tracker.onEvent("pbx1", hangup("PJSIP/b-2", "1.2", "1.1"));
    harness.tracker.onEvent("pbx1", hangup("PJSIP/a-1", "1.1", "1.1"));

    assertThat(harness.sink.records).hasSize(1);
    assertThat(harness.tracker.liveCalls()).isZero();
    assertThat(harness.tracker.liveChannels()).isZero();
    assertThat(harness.tracker.liveLinkedIds()).isEmpty();
    assertThat(harness.meters.get("switchboard.ami.tracker.calls.live").gauge().value()).isZero();
  }

  @Test
  void eventsOfAnotherServerAreIgnored() {
    harness.tracker.onEvent("pbx2", newChannel("PJSIP/a-1", "1.1", "1.1"));
    harness.tracker.onDisconnected("pbx2", "gone");

    assertThat(harness.tracker.liveCalls()).isZero();
    assertThat(harness.sink.events).isEmpty();
  }

  @Test
  void nonsenseLimitsAreRefusedNamingEveryValue() {
    assertThatThrownBy(() -> new CallTrackerLimits(0, 10, 4, 2, 2, 2, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calls 0");
  }

  @Test
  void theResyncDurationOfCoreShowChannelIsReadAsHoursMinutesSeconds() {
    assertThat(TrackerResync.durationSeconds("01:02:03")).isEqualTo(3723);
    assertThat(TrackerResync.durationSeconds("garbage")).isZero();
  }

  private static AmiMessage newChannel(String name, String uniqueId, String linkedId) {
    return snapshot(AmiMessage.event("Newchannel"), name, uniqueId, linkedId).build();
  }

  private static AmiMessage hangup(String name, String uniqueId, String linkedId) {
    return snapshot(AmiMessage.event("Hangup"), name, uniqueId, linkedId)
        .with("Cause", "16")
        .with("Cause-txt", "Normal Clearing")
        .build();
  }

  private static AmiMessage.Builder snapshot(
      AmiMessage.Builder event, String name, String uniqueId, String linkedId) {
    return event
        .with("Privilege", "call,all")
        .with("Channel", name)
        .with("ChannelState", "0")
        .with("ChannelStateDesc", "Down")
        .with("CallerIDNum", "100")
        .with("CallerIDName", "<unknown>")
        .with("Context", "internal")
        .with("Exten", "200")
        .with("Uniqueid", uniqueId)
        .with("Linkedid", linkedId);
  }
}
