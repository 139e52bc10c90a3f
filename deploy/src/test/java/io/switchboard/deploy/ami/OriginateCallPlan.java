package io.switchboard.deploy.ami;

import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.call.OriginateIds;
import io.switchboard.pbxsim.model.OriginateScript;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The originated calls of {@link MixedCallPlan}: async Originates through the bridge's action
 * service, each to its own dial string that a script makes answer (then talk, or queue for an
 * agent), be busy, ring out, meet congestion, fail to dial, or reach an answering machine that AMD
 * recognises. The originate id rides in the ChannelId, so each call's Linkedid is known up front.
 */
final class OriginateCallPlan {

  private static final long SECOND = 1000;

  private final BridgeBench bench;
  private final Timeline timeline;
  private final List<ExpectedCall> expected;

  OriginateCallPlan(BridgeBench bench, Timeline timeline, List<ExpectedCall> expected) {
    this.bench = bench;
    this.timeline = timeline;
    this.expected = expected;
  }

  /** Puts {@code count} originates on the timeline, one every 5 s from second 4. */
  void schedule(int count) {
    String[] kinds = kinds(count);
    for (int o = 0; o < count; o++) {
      originate(4 + 5L * o, o, kinds[o]);
    }
  }

  private static String[] kinds(int count) {
    String[] cycle = {
      "answered", "queue", "busy", "no-answer", "answered", "congestion", "failed", "machine",
      "answered", "queue", "busy", "no-answer", "answered", "answered", "queue", "busy",
      "no-answer", "congestion", "failed", "machine"
    };
    String[] kinds = new String[count];
    for (int o = 0; o < count; o++) {
      kinds[o] = cycle[o % cycle.length];
    }
    return kinds;
  }

  /** An async Originate through the bridge to a customer the script makes answer or not. */
  private void originate(long at, int o, String kind) {
    String id = "o" + o;
    String dial = "PJSIP/0207946" + (1000 + o) + "@trunk";
    long ring = 2 + o % 5;
    long talk = 10 + o % 7;
    long agentAnswer = 2 + o % 3;
    ExpectedCall call =
        expect("originate-" + kind)
            .linkedId(OriginateIds.channelId(id))
            .outbound(id)
            .waitMs(ring * SECOND)
            .hangupBy("system");
    OriginateScript script;
    String context = "dialer";
    String exten = "9999";
    long timeout = 30;
    switch (kind) {
      case "answered" -> {
        script = OriginateScript.answered(ring * SECOND).withTalk(talk * SECOND);
        call.talkMs(talk * SECOND).hangupBy("caller");
      }
      case "queue" -> {
        script =
            OriginateScript.answered(ring * SECOND)
                .withTalk(talk * SECOND)
                .withAgentAnswer(agentAnswer * SECOND);
        exten = "outbound";
        // Talk runs from the customer's answer; the wait is the time in the queue.
        call.queue("outbound")
            .waitMs(agentAnswer * SECOND)
            .talkMs((agentAnswer + talk) * SECOND)
            .hangupBy("caller")
            .legs("caller", "agent")
            .offers("connected");
      }
      case "busy" -> {
        script = OriginateScript.of(OriginateScript.Outcome.BUSY, ring * SECOND);
        call.outcome("busy");
      }
      case "no-answer" -> {
        script = OriginateScript.of(OriginateScript.Outcome.NO_ANSWER, ring * SECOND);
        timeout = 20;
        call.outcome("no_answer").waitMs(timeout * SECOND);
      }
      case "congestion" -> {
        script = OriginateScript.of(OriginateScript.Outcome.CONGESTION, ring * SECOND);
        call.outcome("congestion");
      }
      case "failed" -> {
        script = OriginateScript.of(OriginateScript.Outcome.FAILED, 0);
        call.outcome("failed").waitMs(0).legs();
      }
      case "machine" -> {
        script = OriginateScript.answered(ring * SECOND).withMachine();
        context = "dialer-amd";
        call.outcome("machine").amdStatus("MACHINE");
      }
      default -> throw new IllegalArgumentException(kind);
    }
    JsonObject request =
        new JsonObject()
            .put(AmiActionFields.CHANNEL, dial)
            .put(AmiActionFields.CONTEXT, context)
            .put(AmiActionFields.EXTEN, exten)
            .put(AmiActionFields.PRIORITY, "1")
            .put(AmiActionFields.CHANNEL_ID, OriginateIds.channelId(id))
            .put(AmiActionFields.TIMEOUT_MS, timeout * SECOND)
            .put(AmiActionFields.CALLER_ID, "Switchboard <1000>")
            .put(AmiActionFields.VARIABLES, new JsonObject().put(OriginateIds.VARIABLE, id));
    OriginateScript chosen = script;
    timeline.at(
        at,
        () -> {
          bench.await(bench.sim().scriptOriginate(dial, chosen));
          bench.action(AmiActionAddresses.ORIGINATE, request);
        });
  }

  private ExpectedCall expect(String kind) {
    ExpectedCall call = new ExpectedCall(kind);
    expected.add(call);
    return call;
  }
}
