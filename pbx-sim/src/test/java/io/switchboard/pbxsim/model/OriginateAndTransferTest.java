package io.switchboard.pbxsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginateAndTransferTest {

  private static AmiMessage.Builder originate(String channel) {
    return originate(channel, "from-internal");
  }

  private static AmiMessage.Builder originate(String channel, String context) {
    return AmiMessage.action("Originate")
        .with("Channel", channel)
        .with("Context", context)
        .with("Exten", "5000")
        .with("Priority", "1")
        .with("CallerID", "\"Dialer\" <5551000>")
        .with("Variable", "CC_CAMPAIGN=7,CC_LEAD=42")
        .with("ChannelId", "dialer-1")
        .with("Async", "true");
  }

  @Test
  void answeredOriginateCarriesTheAssignedIdAndReasonFour() {
    ModelHarness h = new ModelHarness();
    h.model.originate().script("PJSIP/5550001@trunk", OriginateScript.answered(4_000));
    List<AmiMessage> replies = h.action(originate("PJSIP/5550001@trunk"));
    assertThat(replies.get(0).get("Message")).isEqualTo("Originate successfully queued");
    h.clock.advance(4_000);
    assertThat(h.names())
        .containsSubsequence(
            "Newchannel",
            "VarSet",
            "VarSet",
            "NewCallerid",
            "DialBegin",
            "Newstate",
            "DialState",
            "Newstate",
            "DialEnd",
            "OriginateResponse",
            "Newexten");
    AmiMessage begin = h.named("DialBegin").get(0);
    assertThat(begin.get("Channel")).as("originated DialBegin has only Dest fields").isNull();
    AmiMessage response = h.named("OriginateResponse").get(0);
    assertThat(response.fields())
        .extracting(e -> e.getKey())
        .containsExactly(
            "Event",
            "Privilege",
            "ActionID",
            "Response",
            "Channel",
            "Context",
            "Exten",
            "Reason",
            "Uniqueid",
            "CallerIDNum",
            "CallerIDName");
    assertThat(response.get("Reason")).isEqualTo("4");
    assertThat(response.get("Uniqueid")).isEqualTo("dialer-1");
    assertThat(response.get("Channel")).startsWith("PJSIP/trunk-");
    assertThat(response.get("CallerIDNum")).isEqualTo("5551000");
  }

  @Test
  void failedOriginatesReportBusyNoAnswerCongestionAndFailedReasons() {
    ModelHarness h = new ModelHarness();
    h.model
        .originate()
        .script("PJSIP/1@trunk", OriginateScript.of(OriginateScript.Outcome.BUSY, 2_000));
    h.model
        .originate()
        .script("PJSIP/2@trunk", OriginateScript.of(OriginateScript.Outcome.NO_ANSWER, 0));
    h.model
        .originate()
        .script("PJSIP/3@trunk", OriginateScript.of(OriginateScript.Outcome.CONGESTION, 500));
    h.model
        .originate()
        .script("PJSIP/4@trunk", OriginateScript.of(OriginateScript.Outcome.FAILED, 0));
    for (int i = 1; i <= 4; i++) {
      h.action(originate("PJSIP/" + i + "@trunk").with("Timeout", "20000"));
    }
    h.clock.advance(30_000);
    assertThat(h.named("OriginateResponse"))
        .extracting(
            e ->
                e.get("Channel")
                    + " "
                    + e.get("Response")
                    + " "
                    + e.get("Reason")
                    + " "
                    + e.get("Uniqueid"))
        .containsExactlyInAnyOrder(
            "PJSIP/1@trunk Failure 5 dialer-1",
            "PJSIP/2@trunk Failure 3 dialer-1",
            "PJSIP/3@trunk Failure 8 dialer-1",
            "PJSIP/4@trunk Failure 0 dialer-1");
    assertThat(h.named("Hangup"))
        .extracting(e -> e.get("Cause"))
        .containsExactlyInAnyOrder("17", "16", "34");
    assertThat(h.model.channels()).isEmpty();
  }

  @Test
  void originateErrorsUseAsterisksWords() {
    ModelHarness h = new ModelHarness();
    assertThat(h.action(AmiMessage.action("Originate")).get(0).get("Message"))
        .isEqualTo("Channel not specified");
    assertThat(
            h.action(AmiMessage.action("Originate").with("Channel", "nochannel"))
                .get(0)
                .get("Message"))
        .isEqualTo("Invalid channel");
    assertThat(
            h.action(AmiMessage.action("Originate").with("Channel", "PJSIP/1").with("Exten", "1"))
                .get(0)
                .get("Message"))
        .isEqualTo("Originate with 'Exten' requires 'Context' and 'Priority'");
  }

  @Test
  void amdContextSetsAmdStatusThenAmdCauseAndHangsUpOnAMachine() {
    ModelHarness h = new ModelHarness();
    h.model.originate().script("PJSIP/9@trunk", OriginateScript.answered(1_000).withMachine());
    h.action(originate("PJSIP/9@trunk", "dialer-amd"));
    h.clock.advance(1_000);
    List<AmiMessage> vars =
        h.named("VarSet").stream().filter(v -> v.get("Variable").startsWith("AMD")).toList();
    assertThat(vars)
        .extracting(v -> v.get("Variable") + "=" + v.get("Value"))
        .containsExactly("AMDSTATUS=MACHINE", "AMDCAUSE=LONGGREETING-1600-1500");
    assertThat(h.model.channels()).isEmpty();
  }

  @Test
  void anAnsweredDialerCallRedirectedFromTheQueueToTheAbandonContextPlaysTheMessageThenHangsUp() {
    ModelHarness h = new ModelHarness();
    h.action(
        AmiMessage.action("QueuePause").with("Interface", "PJSIP/1006").with("Paused", "true"));
    for (int i = 1007; i <= 1010; i++) {
      h.action(
          AmiMessage.action("QueuePause").with("Interface", "PJSIP/" + i).with("Paused", "true"));
    }
    h.model.originate().script("PJSIP/5550002@trunk", OriginateScript.answered(1_000));
    h.action(
        AmiMessage.action("Originate")
            .with("Channel", "PJSIP/5550002@trunk")
            .with("Context", "dialer")
            .with("Exten", "sales")
            .with("Priority", "1")
            .with("Variable", "SWITCHBOARD_ABANDON_MESSAGE=custom/abandon-notice")
            .with("ChannelId", "swb-77")
            .with("Async", "true"));
    h.clock.advance(1_000);
    String channel = h.named("OriginateResponse").get(0).get("Channel");
    assertThat(h.named("QueueCallerJoin")).hasSize(1);
    h.clock.advance(2_000);

    h.action(
        AmiMessage.action("Redirect")
            .with("Channel", channel)
            .with("Context", "dialer-abandon")
            .with("Exten", "s")
            .with("Priority", "1"));

    assertThat(h.named("QueueCallerLeave")).hasSize(1);
    AmiMessage playback = h.named("Newexten").get(h.named("Newexten").size() - 1);
    assertThat(playback.get("Application")).isEqualTo("Playback");
    assertThat(playback.get("AppData")).isEqualTo("custom/abandon-notice");
    assertThat(h.model.channels()).hasSize(1);
    h.clock.advance(5_000);
    assertThat(h.named("Hangup")).extracting(e -> e.get("Channel")).containsExactly(channel);
    assertThat(h.model.channels()).isEmpty();
  }

  @Test
  void blindTransferPublishesBlindTransferAndAgentCompleteWithReasonTransfer() {
    ModelHarness h = new ModelHarness();
    Channel caller = h.model.placeInboundCall("sales", "1", null, CallBehaviour.manual());
    h.model.answer("PJSIP/1006");
    Channel agent =
        h.model.channels().stream()
            .filter(c -> c.name().startsWith("PJSIP/1006"))
            .findFirst()
            .orElseThrow();
    h.clear();
    List<AmiMessage> r =
        h.action(
            AmiMessage.action("BlindTransfer")
                .with("Channel", agent.name())
                .with("Exten", "support")
                .with("Context", "from-internal"));
    assertThat(r.get(0).get("Message")).isEqualTo("Transfer succeeded");
    assertThat(h.names())
        .containsSubsequence(
            "BlindTransfer",
            "AgentComplete",
            "BridgeLeave",
            "Hangup",
            "BridgeLeave",
            "BridgeDestroy",
            "Newexten",
            "QueueCallerJoin");
    assertThat(h.named("AgentComplete").get(0).get("Reason")).isEqualTo("transfer");
    assertThat(h.named("BlindTransfer").get(0).get("TransfereeChannel")).isEqualTo(caller.name());
  }

  @Test
  void attendedTransferJoinsTheTargetToTheCallersBridge() {
    ModelHarness h = new ModelHarness();
    Channel caller = h.model.placeInboundCall("sales", "1", null, CallBehaviour.manual());
    h.model.answer("PJSIP/1006");
    Channel agent =
        h.model.channels().stream()
            .filter(c -> c.name().startsWith("PJSIP/1006"))
            .findFirst()
            .orElseThrow();
    Bridge original = caller.bridge();
    h.clear();
    h.action(AmiMessage.action("Atxfer").with("Channel", agent.name()).with("Exten", "1001"));
    assertThat(h.names()).startsWith("BridgeLeave", "MusicOnHoldStart");
    h.model.answer("PJSIP/1001");
    h.model.remoteHangup(agent.name());
    AmiMessage at = h.named("AttendedTransfer").get(0);
    assertThat(at.get("DestType")).isEqualTo("Bridge");
    assertThat(at.get("DestBridgeUniqueid")).isEqualTo(original.uniqueid());
    assertThat(at.get("TransferTargetChannel")).startsWith("PJSIP/1001-");
    assertThat(h.named("AgentComplete").get(0).get("Reason")).isEqualTo("transfer");
    assertThat(caller.bridge()).isSameAs(original);
    assertThat(original.channels())
        .extracting(Channel::name)
        .anySatisfy(n -> assertThat(n).startsWith("PJSIP/1001-"));
  }

  @Test
  void getvarBridgePeerNamesTheOtherPartyAndARedirectOfItIsAccepted() {
    ModelHarness h = new ModelHarness();
    Channel caller = h.model.placeInboundCall("sales", "1", null, CallBehaviour.manual());
    h.model.answer("PJSIP/1006");
    Channel agent =
        h.model.channels().stream()
            .filter(c -> c.name().startsWith("PJSIP/1006"))
            .findFirst()
            .orElseThrow();
    List<AmiMessage> peer =
        h.action(
            AmiMessage.action("Getvar")
                .with("Channel", agent.name())
                .with("Variable", "BRIDGEPEER"));
    assertThat(peer.get(0).get("Value")).isEqualTo(caller.name());
    // What the console's blind transfer sends: the peer to a queue's extension.
    h.clear();
    List<AmiMessage> r =
        h.action(
            AmiMessage.action("Redirect")
                .with("Channel", caller.name())
                .with("Context", "from-internal")
                .with("Exten", "support")
                .with("Priority", "1"));
    assertThat(r.get(0).get("Message")).isEqualTo("Redirect successful");
    assertThat(h.names()).contains("QueueCallerJoin");
    assertThat(
            h.action(
                    AmiMessage.action("Getvar")
                        .with("Channel", caller.name())
                        .with("Variable", "BRIDGEPEER"))
                .get(0)
                .get("Value"))
        .isEmpty();
  }

  @Test
  void mixMonitorRepliesWithItsIdThenSetsTheFilenameAndStartsAndStopsOnHangup() {
    ModelHarness h = new ModelHarness();
    Channel caller = h.model.placeInboundCall("sales", "1", null, CallBehaviour.manual());
    h.clear();
    List<AmiMessage> r =
        h.action(
            AmiMessage.action("MixMonitor")
                .with("Channel", caller.name())
                .with("File", "call-1.wav"));
    assertThat(r.get(0).fields())
        .extracting(e -> e.getKey())
        .containsExactly("Response", "ActionID", "MixMonitorID");
    assertThat(h.names()).containsExactly("VarSet", "MixMonitorStart");
    assertThat(h.events.get(0).get("Value")).isEqualTo("/var/spool/asterisk/monitor/call-1.wav");
    h.model.remoteHangup(caller.name());
    assertThat(h.names()).containsSubsequence("MixMonitorStop", "Hangup");
    assertThat(
            h.action(AmiMessage.action("MixMonitor").with("Channel", "PJSIP/x"))
                .get(0)
                .get("Message"))
        .isEqualTo("No such channel");
  }

  @Test
  void chanSpyOriginateStartsAndStopsSpying() {
    ModelHarness h = new ModelHarness();
    h.model.placeInboundCall("sales", "1", null, CallBehaviour.manual());
    h.model.answer("PJSIP/1006");
    h.model.originate().script("PJSIP/2001", OriginateScript.answered(500));
    h.action(
        AmiMessage.action("Originate")
            .with("Channel", "PJSIP/2001")
            .with("Application", "ChanSpy")
            .with("Data", "PJSIP/1006,qEB")
            .with("Async", "yes"));
    h.clock.advance(500);
    AmiMessage start = h.named("ChanSpyStart").get(0);
    assertThat(start.get("SpyerChannel")).startsWith("PJSIP/2001-");
    assertThat(start.get("SpyeeChannel")).startsWith("PJSIP/1006-");
    assertThat(h.named("OriginateResponse").get(0).get("Application")).isEqualTo("ChanSpy");
    h.model.remoteHangup(start.get("SpyerChannel"));
    assertThat(h.names()).containsSubsequence("ChanSpyStop", "Hangup");
  }

  private static AmiMessage.Builder previewDial(String ringSeconds) {
    return AmiMessage.action("Originate")
        .with("Channel", "PJSIP/1001")
        .with("Context", "dialer-preview")
        .with("Exten", "+447700900123")
        .with("Priority", "1")
        .with("Variable", "SWITCHBOARD_RING_SECONDS=" + ringSeconds)
        .with("ChannelId", "swb-preview-1")
        .with("Async", "true");
  }

  @Test
  void aLeadThatRingsPastTheRingLimitEndsTheSecondLegAsNoAnswerAndTheAgentIsHungUp() {
    ModelHarness h = new ModelHarness();
    h.model.originate().script("PJSIP/1001", OriginateScript.answered(1_000));
    h.model.originate().script("PJSIP/+447700900123@trunk", OriginateScript.answered(30_000));
    h.action(previewDial("15"));
    h.clock.advance(1_000 + 14_999);
    assertThat(h.named("DialEnd")).hasSize(1);
    h.clock.advance(1);
    AmiMessage end = h.named("DialEnd").get(1);
    assertThat(end.get("Channel")).startsWith("PJSIP/1001-");
    assertThat(end.get("DestChannel")).startsWith("PJSIP/trunk-");
    assertThat(end.get("DialStatus")).isEqualTo("NOANSWER");
    assertThat(h.named("Hangup")).hasSize(2);
    assertThat(h.model.channels()).isEmpty();
  }

  @Test
  void anAgentWhoHangsUpWhileTheLeadRingsCancelsTheSecondLeg() {
    ModelHarness h = new ModelHarness();
    h.model.originate().script("PJSIP/1001", OriginateScript.answered(1_000));
    h.action(previewDial("20"));
    h.clock.advance(1_500);
    Channel agent = h.model.channels().iterator().next();
    h.model.remoteHangup(agent.name());
    assertThat(h.named("DialEnd"))
        .extracting(e -> e.get("DialStatus"))
        .containsExactly("ANSWER", "CANCEL");
    assertThat(h.named("BridgeEnter")).isEmpty();
    assertThat(h.model.channels()).isEmpty();
    h.clock.advance(30_000);
    assertThat(h.named("Hangup")).hasSize(2);
  }
}
