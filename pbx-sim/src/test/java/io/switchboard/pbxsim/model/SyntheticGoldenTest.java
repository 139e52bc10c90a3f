package io.switchboard.pbxsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiCodecLimits;
import io.switchboard.ami.codec.AmiFrameDecoder;
import io.switchboard.ami.codec.AmiFrameEncoder;
import io.switchboard.ami.codec.AmiFrameListener;
import io.switchboard.ami.codec.AmiMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Flows with no public real capture, produced by the model and kept as golden files {@code
 * src/test/resources/synthetic/*.synthetic.ami} (sources in the README there). A change in any
 * sequence fails here; {@code -Dpbxsim.regenerate=true} rewrites the files after a deliberate
 * change. Each file is also decoded by the client-side codec split at every byte.
 */
class SyntheticGoldenTest {

  private static final Path DIR = Path.of("src/test/resources/synthetic");

  private static void flow(String name, Consumer<ModelHarness> script) throws IOException {
    ModelHarness h = new ModelHarness();
    script.accept(h);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (AmiMessage m : h.events) {
      out.writeBytes(AmiFrameEncoder.encode(m));
    }
    String text = out.toString(StandardCharsets.UTF_8);
    Path file = DIR.resolve(name + ".synthetic.ami");
    if (Boolean.getBoolean("pbxsim.regenerate")) {
      Files.writeString(file, text);
    }
    assertThat(Files.readString(file)).as(file.toString()).isEqualTo(text);
    assertDecodesAtEverySplit(text, h.events);
  }

  private static void assertDecodesAtEverySplit(String text, List<AmiMessage> expected) {
    byte[] bytes = ("Asterisk Call Manager/7.0.3\r\n" + text).getBytes(StandardCharsets.UTF_8);
    for (int split = 0; split <= bytes.length; split += Math.max(1, bytes.length / 400)) {
      List<AmiMessage> got = new ArrayList<>();
      AmiFrameDecoder d =
          AmiFrameDecoder.forClient(
              new AmiFrameListener() {
                @Override
                public void onBanner(String banner) {}

                @Override
                public void onMessage(AmiMessage message) {
                  got.add(message);
                }
              },
              AmiCodecLimits.FROM_ASTERISK);
      d.feed(bytes, 0, split);
      d.feed(bytes, split, bytes.length - split);
      assertThat(got).hasSize(expected.size());
      assertThat(got.get(got.size() - 1).fields())
          .isEqualTo(expected.get(expected.size() - 1).fields());
    }
  }

  @Test
  void queueCallAnsweredThenCallerHangsUp() throws IOException {
    flow(
        "queue-answered-caller-hangup",
        h -> {
          h.model.placeInboundCall(
              "sales", "+442071234567", "Jane Doe", CallBehaviour.answeredAfter(4_000, 65_000));
          h.clock.advance(70_000);
        });
  }

  @Test
  void queueCallAnsweredThenAgentHangsUpAfterHold() throws IOException {
    flow(
        "queue-answered-hold-agent-hangup",
        h -> {
          Channel caller =
              h.model.placeInboundCall("sales", "+442071234567", null, CallBehaviour.manual());
          h.clock.advance(3_000);
          h.model.answer("PJSIP/1006");
          Channel agent = caller.bridge().channels().get(0);
          h.clock.advance(20_000);
          h.model.hold(agent.name(), true);
          h.clock.advance(10_000);
          h.model.hold(agent.name(), false);
          h.clock.advance(5_000);
          h.model.remoteHangup(agent.name());
        });
  }

  @Test
  void queueCallAbandoned() throws IOException {
    flow(
        "queue-abandon",
        h -> {
          h.model.placeInboundCall(
              "sales", "+442071234567", null, CallBehaviour.manual().withPatience(12_000));
          h.clock.advance(12_000);
        });
  }

  @Test
  void queueRingNoAnswerThenRetry() throws IOException {
    flow(
        "queue-ring-no-answer",
        h -> {
          h.model.placeInboundCall("sales", "+442071234567", null, CallBehaviour.manual());
          h.clock.advance(20_000);
        });
  }

  @Test
  void localMemberOptimisedAway() throws IOException {
    flow(
        "queue-local-member-optimisation",
        h -> {
          Channel caller =
              h.model.placeInboundCall("local", "+442071234567", null, CallBehaviour.manual());
          h.clock.advance(2_000);
          h.model.answer("PJSIP/1020");
          h.clock.advance(30_000);
          h.model.remoteHangup(caller.name());
        });
  }

  private static AmiMessage.Builder originate(String channel) {
    return AmiMessage.action("Originate")
        .with("Channel", channel)
        .with("Context", "from-internal")
        .with("Exten", "sales")
        .with("Priority", "1")
        .with("CallerID", "\"Campaign 7\" <5551000>")
        .with("Variable", "CC_LEAD=42")
        .with("ChannelId", "cc-lead-42")
        .with("Async", "true");
  }

  @Test
  void originateOutcomes() throws IOException {
    OriginateScript.Outcome[] outcomes = OriginateScript.Outcome.values();
    for (OriginateScript.Outcome o : outcomes) {
      flow(
          "originate-" + o.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          h -> {
            h.model
                .originate()
                .script(
                    "PJSIP/5550001@trunk",
                    OriginateScript.of(o, 5_000).withAgentAnswer(2_000L).withTalk(30_000L));
            h.action(originate("PJSIP/5550001@trunk"));
            h.clock.advance(60_000);
          });
    }
  }

  /**
   * The dialer's preview dial (and the console's click-to-dial): the agent's phone is originated
   * into a dial-out context, answers, and the dialplan dials the lead through the trunk as a second
   * leg, which answers (bridged, the lead hangs up after 30 s) or is busy.
   */
  @Test
  void agentFirstOriginateDialsTheNumberAsASecondLeg() throws IOException {
    for (boolean answers : new boolean[] {true, false}) {
      flow(
          "originate-agent-first-" + (answers ? "answered" : "busy"),
          h -> {
            h.model.originate().script("PJSIP/1001", OriginateScript.answered(2_000));
            h.model
                .originate()
                .script(
                    "PJSIP/+447700900123@trunk",
                    answers
                        ? OriginateScript.answered(4_000).withTalk(30_000L)
                        : OriginateScript.of(OriginateScript.Outcome.BUSY, 3_000));
            h.action(
                AmiMessage.action("Originate")
                    .with("Channel", "PJSIP/1001")
                    .with("Context", "dialer-preview")
                    .with("Exten", "+447700900123")
                    .with("Priority", "1")
                    .with("CallerID", "<+442079460000>")
                    .with("Variable", "SWITCHBOARD_ORIGINATE_ID=c1-l2-a1")
                    .with("Variable", "SWITCHBOARD_CALLER_ID=+442079460000")
                    .with("Variable", "SWITCHBOARD_RING_SECONDS=20")
                    .with("ChannelId", "swb-c1-l2-a1")
                    .with("Async", "true"));
            h.clock.advance(60_000);
          });
    }
  }

  @Test
  void originateWithAmdMachine() throws IOException {
    flow(
        "originate-amd-machine",
        h -> {
          h.model
              .originate()
              .script("PJSIP/5550002@trunk", OriginateScript.answered(3_000).withMachine());
          h.action(
              AmiMessage.action("Originate")
                  .with("Channel", "PJSIP/5550002@trunk")
                  .with("Context", "dialer-amd")
                  .with("Exten", "sales")
                  .with("Priority", "1")
                  .with("Async", "true")
                  .with("ChannelId", "cc-lead-43"));
          h.clock.advance(10_000);
        });
  }

  @Test
  void blindTransferOfAQueueCall() throws IOException {
    flow(
        "blind-transfer",
        h -> {
          Channel caller =
              h.model.placeInboundCall("sales", "+442071234567", null, CallBehaviour.manual());
          h.model.answer("PJSIP/1006");
          Channel agent = caller.bridge().channels().get(0);
          h.clock.advance(30_000);
          h.action(
              AmiMessage.action("BlindTransfer")
                  .with("Channel", agent.name())
                  .with("Exten", "1001")
                  .with("Context", "from-internal"));
          h.clock.advance(5_000);
        });
  }

  @Test
  void attendedTransferOfAQueueCall() throws IOException {
    flow(
        "attended-transfer",
        h -> {
          Channel caller =
              h.model.placeInboundCall("sales", "+442071234567", null, CallBehaviour.manual());
          h.model.answer("PJSIP/1006");
          Channel agent = caller.bridge().channels().get(0);
          h.clock.advance(30_000);
          h.action(AmiMessage.action("Atxfer").with("Channel", agent.name()).with("Exten", "1001"));
          h.clock.advance(3_000);
          h.model.answer("PJSIP/1001");
          h.clock.advance(15_000);
          h.model.remoteHangup(agent.name());
        });
  }

  @Test
  void mixMonitorStartAndStop() throws IOException {
    flow(
        "mixmonitor",
        h -> {
          Channel caller =
              h.model.placeInboundCall("sales", "+442071234567", null, CallBehaviour.manual());
          h.model.answer("PJSIP/1006");
          h.action(
              AmiMessage.action("MixMonitor")
                  .with("Channel", caller.name())
                  .with("File", "q-42.wav"));
          h.clock.advance(20_000);
          h.action(AmiMessage.action("StopMixMonitor").with("Channel", caller.name()));
        });
  }
}
