package io.switchboard.pbxsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueFlowTest {

  @Test
  void answeredQueueCallFollowsTheOrderOfTheRealQueueCapture() {
    ModelHarness h = new ModelHarness();
    Channel caller =
        h.model.placeInboundCall(
            "sales", "+442071234567", null, CallBehaviour.answeredAfter(3_000, 60_000));
    h.clock.advance(3_000);
    List<String> names = h.names();
    // reference 1.10: QueueCallerJoin -> MusicOnHoldStart -> Newchannel(member) -> AgentCalled ->
    // DialBegin -> DialEnd(ANSWER) -> MusicOnHoldStop -> QueueCallerLeave -> AgentConnect ->
    // BridgeCreate -> BridgeEnter(member) -> BridgeEnter(caller)
    assertThat(names)
        .containsSubsequence(
            "Newchannel",
            "QueueCallerJoin",
            "MusicOnHoldStart",
            "Newchannel",
            "AgentCalled",
            "DialBegin",
            "DialEnd",
            "MusicOnHoldStop",
            "QueueCallerLeave",
            "AgentConnect",
            "BridgeCreate",
            "BridgeEnter",
            "BridgeEnter");
    AmiMessage connect = h.named("AgentConnect").get(0);
    assertThat(connect.get("HoldTime")).isEqualTo("3");
    assertThat(connect.get("RingTime")).isEqualTo("3");
    assertThat(connect.get("DestChannel")).startsWith("PJSIP/1006-");
    assertThat(connect.get("DestLinkedid")).isEqualTo(caller.uniqueid());
    assertThat(h.named("BridgeEnter").get(1).get("Channel")).isEqualTo(caller.name());

    h.clear();
    h.clock.advance(60_000);
    assertThat(h.names())
        .containsSubsequence(
            "HangupRequest",
            "AgentComplete",
            "BridgeLeave",
            "SoftHangupRequest",
            "BridgeLeave",
            "BridgeDestroy",
            "Hangup",
            "Hangup",
            "QueueMemberStatus");
    AmiMessage complete = h.named("AgentComplete").get(0);
    assertThat(complete.get("Reason")).isEqualTo("caller");
    assertThat(complete.get("TalkTime")).isEqualTo("60");
    assertThat(h.named("Hangup").get(0).get("Channel")).isEqualTo(caller.name());
    assertThat(h.model.channels()).isEmpty();
    assertThat(h.model.queue("sales").completed()).isEqualTo(1);
    assertThat(h.model.queue("sales").members().get(0).callsTaken()).isEqualTo(1);
  }

  @Test
  void ringallRingsEveryIdleMemberAndCancelsTheOthersAsAnsweredElsewhere() {
    ModelHarness h = new ModelHarness();
    h.model.placeInboundCall("support", "+442071234567", null, CallBehaviour.manual());
    assertThat(h.named("AgentCalled")).hasSize(5);
    h.clear();
    assertThat(h.model.answer("PJSIP/1003")).isTrue();
    List<AmiMessage> ends = h.named("DialEnd");
    assertThat(ends)
        .extracting(e -> e.get("DialStatus"))
        .containsExactly("ANSWER", "CANCEL", "CANCEL", "CANCEL", "CANCEL");
    assertThat(h.named("Hangup"))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.get("Cause")).isEqualTo("26"));
    assertThat(h.model.channels()).hasSize(2);
  }

  @Test
  void leastrecentRingsTheMemberWhoseLastCallIsOldest() {
    ModelHarness h = new ModelHarness();
    h.model.placeInboundCall("sales", "1", null, CallBehaviour.answeredAfter(1_000, 5_000));
    h.clock.advance(10_000);
    h.clear();
    h.model.placeInboundCall("sales", "2", null, CallBehaviour.manual());
    assertThat(h.named("AgentCalled"))
        .singleElement()
        .satisfies(e -> assertThat(e.get("Interface")).isEqualTo("PJSIP/1007"));
  }

  @Test
  void rrmemoryContinuesAfterTheLastMemberRung() {
    ModelHarness h = new ModelHarness();
    h.model.placeInboundCall("rr", "1", null, CallBehaviour.answeredAfter(1_000, 5_000));
    h.clock.advance(10_000);
    h.model.placeInboundCall("rr", "2", null, CallBehaviour.answeredAfter(1_000, 5_000));
    h.clock.advance(10_000);
    assertThat(h.named("AgentCalled"))
        .extracting(e -> e.get("Interface"))
        .containsExactly("PJSIP/1011", "PJSIP/1012");
  }

  @Test
  void ringTimeoutReportsRingTimeInMillisecondsThenRetriesAfterTheRetryDelay() {
    ModelHarness h = new ModelHarness();
    h.model.placeInboundCall("sales", "1", null, CallBehaviour.manual());
    h.clock.advance(15_000);
    AmiMessage rna = h.named("AgentRingNoAnswer").get(0);
    assertThat(rna.get("RingTime")).isEqualTo("15000");
    assertThat(h.named("DialEnd").get(0).get("DialStatus")).isEqualTo("NOANSWER");
    assertThat(h.named("AgentCalled")).hasSize(1);
    h.clock.advance(5_000);
    assertThat(h.named("AgentCalled")).hasSize(2);
    // leastrecent orders by last call; an unanswered ring does not change it, so Asterisk rings
    // the same member again.
    assertThat(h.named("AgentCalled").get(1).get("Interface")).isEqualTo("PJSIP/1006");
  }

  @Test
  void abandonSendsQueueCallerAbandonThenLeaveThenHangup() {
    ModelHarness h = new ModelHarness();
    for (int i = 1006; i <= 1010; i++) {
      h.model.queue("sales").member("PJSIP/" + i).paused = true;
    }
    h.model.placeInboundCall("sales", "1", null, CallBehaviour.manual().withPatience(42_000));
    h.clear();
    h.clock.advance(42_000);
    assertThat(h.names())
        .containsExactly(
            "HangupRequest", "QueueCallerAbandon", "QueueCallerLeave", "MusicOnHoldStop", "Hangup");
    AmiMessage abandon = h.events.get(1);
    assertThat(abandon.get("HoldTime")).isEqualTo("42");
    assertThat(abandon.get("OriginalPosition")).isEqualTo("1");
    assertThat(h.model.queue("sales").abandoned()).isEqualTo(1);
    assertThat(h.model.channels()).isEmpty();
  }

  @Test
  void localMemberIsOptimisedAwaySoThePhoneEndsInTheCallersBridge() {
    ModelHarness h = new ModelHarness();
    Channel caller = h.model.placeInboundCall("local", "1", null, CallBehaviour.manual());
    assertThat(h.named("LocalBridge")).hasSize(1);
    h.clear();
    h.model.answer("PJSIP/1020");
    assertThat(h.names())
        .containsSubsequence(
            "LocalOptimizationBegin",
            "BridgeLeave",
            "BridgeEnter",
            "BridgeLeave",
            "LocalOptimizationEnd",
            "BridgeDestroy",
            "Hangup",
            "Hangup");
    AmiMessage swap =
        h.events.stream()
            .filter(e -> e.isEvent("BridgeEnter") && e.get("SwapUniqueid") != null)
            .findFirst()
            .orElseThrow();
    assertThat(swap.get("Channel")).startsWith("PJSIP/1020-");
    assertThat(h.model.channels()).extracting(Channel::name).hasSize(2).contains(caller.name());
    h.clear();
    h.model.remoteHangup(caller.name());
    assertThat(h.named("AgentComplete").get(0).get("DestChannel")).startsWith("PJSIP/1020-");
    assertThat(h.model.channels()).isEmpty();
  }
}
