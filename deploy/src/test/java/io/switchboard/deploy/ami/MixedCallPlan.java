package io.switchboard.deploy.ami;

import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.pbxsim.PbxSimulator.InboundCall;
import io.switchboard.pbxsim.model.CallBehaviour;
import io.switchboard.pbxsim.model.Channel;
import io.switchboard.pbxsim.scenario.MemberSpec;
import io.switchboard.pbxsim.scenario.QueueSpec;
import io.switchboard.pbxsim.scenario.Scenario;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Two hundred calls with mixed courses on one timeline, each with the call log it must give: queue
 * calls answered and ended by either side, abandons (waiting and while an agent rings), ring no
 * answer then answered, a blind Redirect and attended transfers through the bridge's action
 * service, and async Originates through it that meet every outcome, AMD's MACHINE included. Every
 * time is a whole number of seconds; queues are sized so that no call waits for a busy agent, which
 * keeps each call's times exact.
 */
final class MixedCallPlan {

  static final int QUEUE_ANSWERED = 80;
  static final int LOCAL_MEMBERS = 10;
  static final int HELD = 5;
  static final int RECORDED = 5;
  static final int ABANDONED_WAITING = 25;
  static final int ABANDONED_RINGING = 5;
  static final int RING_NO_ANSWER = 20;
  static final int REDIRECTED = 5;
  static final int ATTENDED = 5;
  static final int ORIGINATED = 40;
  static final int TOTAL =
      QUEUE_ANSWERED
          + ABANDONED_WAITING
          + ABANDONED_RINGING
          + RING_NO_ANSWER
          + REDIRECTED
          + ATTENDED
          + ORIGINATED
          + LOCAL_MEMBERS
          + HELD
          + RECORDED;

  private static final long SECOND = 1000;

  private final BridgeBench bench;
  private final Timeline timeline;
  private final List<ExpectedCall> expected = new ArrayList<>();
  private int callerNumbers;

  MixedCallPlan(BridgeBench bench, Timeline timeline) {
    this.bench = bench;
    this.timeline = timeline;
  }

  /** The call center the plan runs in; see the class comment for why each queue is there. */
  static Scenario scenario() {
    List<QueueSpec> queues = new ArrayList<>();
    queues.add(queue("support", "leastrecent", 15, 1001, 10));
    queues.add(queue("sales", "rrmemory", 15, 1101, 10));
    queues.add(queue("overflow", "ringall", 15, 0, 0));
    queues.add(queue("lonely", "ringall", 15, 1301, 1));
    for (int q = 1; q <= 4; q++) {
      queues.add(queue("rna" + q, "leastrecent", 5, 1400 + q, 1));
    }
    queues.add(queue("transfers", "leastrecent", 15, 1501, 5));
    queues.add(queue("outbound", "leastrecent", 15, 1601, 5));
    queues.add(localQueue("localopt", 1701, ""));
    queues.add(localQueue("localn", 1711, "/n"));
    queues.add(queue("care", "leastrecent", 15, 1801, 5));
    // Transfer targets: phones the simulator's dialplan knows, in a queue nobody calls.
    queues.add(queue("backoffice", "ringall", 15, 3001, 10));
    return new Scenario("trunk", queues, null, null, null);
  }

  private static QueueSpec queue(
      String name, String strategy, int timeout, int firstExten, int members) {
    List<MemberSpec> list = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      list.add(
          new MemberSpec("PJSIP/" + (firstExten + i), "Agent " + (firstExten + i), 0, false, null));
    }
    return new QueueSpec(name, strategy, timeout, 1, 0, 60, list);
  }

  /** Members behind Local channels, optimised away once answered unless {@code /n} says not. */
  private static QueueSpec localQueue(String name, int firstExten, String options) {
    List<MemberSpec> list = new ArrayList<>();
    for (int exten = firstExten; exten < firstExten + 3; exten++) {
      list.add(
          new MemberSpec(
              "Local/" + exten + "@from-queue" + options, "Agent " + exten, 0, false, null));
    }
    return new QueueSpec(name, "leastrecent", 15, 1, 0, 60, list);
  }

  /** The member interfaces of a queue of {@link #scenario()}. */
  static List<String> membersOf(String queue) {
    return scenario().queues().stream()
        .filter(q -> q.name().equals(queue))
        .flatMap(q -> q.members().stream())
        .map(MemberSpec::iface)
        .toList();
  }

  List<ExpectedCall> expected() {
    return expected;
  }

  /** Puts every call of the plan on the timeline. */
  void schedule() {
    for (int i = 0; i < QUEUE_ANSWERED; i++) {
      answeredInQueue(i);
    }
    for (int j = 0; j < ABANDONED_WAITING; j++) {
      long patience = 5 + (j * 11L % 36);
      abandoned(1 + 3L * j, "overflow", patience, "abandoned-waiting");
    }
    for (int k = 0; k < ABANDONED_RINGING; k++) {
      abandoned(3 + 12L * k, "lonely", 10, "abandoned-ringing");
    }
    for (int r = 0; r < RING_NO_ANSWER; r++) {
      ringNoAnswerThenAnswered(5 + 20L * (r / 4) + r % 4, 1 + r % 4);
    }
    for (int x = 0; x < REDIRECTED; x++) {
      redirected(10 + 20L * x, "300" + (1 + x));
    }
    for (int y = 0; y < ATTENDED; y++) {
      attendedTransfer(20 + 20L * y, y == 4 ? "3010" : "300" + (6 + y));
    }
    for (int l = 0; l < LOCAL_MEMBERS; l++) {
      answeredByLocalMember(7 + 10L * (l / 2), l % 2 == 0 ? "localopt" : "localn");
    }
    for (int h = 0; h < HELD; h++) {
      held(6 + 30L * h);
    }
    for (int r = 0; r < RECORDED; r++) {
      recorded(21 + 30L * r, "rec-" + r + ".wav");
    }
    new OriginateCallPlan(bench, timeline, expected).schedule(ORIGINATED);
  }

  private ExpectedCall expect(String kind) {
    ExpectedCall call = new ExpectedCall(kind);
    expected.add(call);
    return call;
  }

  private InboundCall place(String queue, CallBehaviour behaviour) {
    String number = "+44207946" + String.format("%04d", callerNumbers++);
    return bench.await(bench.sim().placeInboundCall(queue, number, behaviour));
  }

  /** Support and sales take turns; a fifth of the agents and a fifth more hang up themselves. */
  private void answeredInQueue(int i) {
    String queue = i % 2 == 0 ? "support" : "sales";
    long answerAfter = 2 + i % 5;
    long talk = 5 + (i * 7L % 21);
    boolean agentHangsUp = i % 5 == 1 || i % 5 == 3;
    ExpectedCall call =
        expect("answered-in-queue")
            .queue(queue)
            .waitMs(answerAfter * SECOND)
            .talkMs(talk * SECOND)
            .hangupBy(agentHangsUp ? "agent" : "caller")
            .legs("caller", "agent")
            .offers("connected");
    timeline.at(
        2 + 2L * i,
        () -> {
          CallBehaviour behaviour =
              new CallBehaviour(answerAfter * SECOND, talk * SECOND, agentHangsUp, null);
          call.linkedId(place(queue, behaviour).uniqueid());
        });
  }

  private void abandoned(long at, String queue, long patience, String kind) {
    ExpectedCall call =
        expect(kind).outcome("abandoned").queue(queue).waitMs(patience * SECOND).talkMs(0);
    if (queue.equals("lonely")) {
      call.legs("caller", "agent").offers("caller_left");
    }
    timeline.at(
        at,
        () ->
            call.linkedId(
                place(queue, new CallBehaviour(null, null, false, patience * SECOND)).uniqueid()));
  }

  /** A member behind a Local channel answers after 2 s; the caller hangs up 5 s later. */
  private void answeredByLocalMember(long at, String queue) {
    ExpectedCall call =
        expect("local-member-" + queue)
            .queue(queue)
            .waitMs(2 * SECOND)
            .talkMs(5 * SECOND)
            // The queue rings the member's ;1 half (an agent leg, as in TransferTrackingTest),
            // its ;2 half dials the phone.
            .legs("caller", "agent", "other", "agent")
            .offers("connected");
    timeline.at(
        at,
        () ->
            call.linkedId(
                place(queue, new CallBehaviour(2 * SECOND, 5 * SECOND, false, null)).uniqueid()));
  }

  /** Answered after 2 s; the agent holds the caller from 5 s to 15 s; the caller ends at 25 s. */
  private void held(long at) {
    ExpectedCall call =
        expect("held")
            .queue("care")
            .waitMs(2 * SECOND)
            .holdMs(10 * SECOND)
            .talkMs(13 * SECOND)
            .legs("caller", "agent")
            .offers("connected");
    String[] channels = new String[2];
    timeline.at(
        at,
        () -> {
          InboundCall placed = place("care", new CallBehaviour(2 * SECOND, null, false, null));
          channels[0] = placed.channel();
          call.linkedId(placed.uniqueid());
        });
    timeline.at(
        at + 5,
        () -> {
          channels[1] = bench.await(bench.sim().onModel(m -> peerOf(m.channel(channels[0]))));
          assertTrue(bench.await(bench.sim().hold(channels[1], true)), "held");
        });
    timeline.at(
        at + 15, () -> assertTrue(bench.await(bench.sim().hold(channels[1], false)), "unheld"));
    timeline.at(at + 25, () -> hangup(channels[0]));
  }

  /** Answered after 2 s, recorded from 4 s through the bridge's MixMonitor, 20 s of talk. */
  private void recorded(long at, String file) {
    ExpectedCall call =
        expect("recorded")
            .queue("care")
            .waitMs(2 * SECOND)
            .talkMs(20 * SECOND)
            .legs("caller", "agent")
            .offers("connected")
            .recordingFile("/var/spool/asterisk/monitor/" + file);
    String[] caller = new String[1];
    timeline.at(
        at,
        () -> {
          InboundCall placed =
              place("care", new CallBehaviour(2 * SECOND, 20 * SECOND, false, null));
          caller[0] = placed.channel();
          call.linkedId(placed.uniqueid());
        });
    timeline.at(
        at + 4,
        () ->
            bench.action(
                AmiActionAddresses.MIXMONITOR_START,
                new JsonObject()
                    .put(AmiActionFields.CHANNEL, caller[0])
                    .put(AmiActionFields.FILE, file)));
  }

  /** The only member lets it ring 5 s (AgentRingNoAnswer), is rung again 1 s later, answers. */
  private void ringNoAnswerThenAnswered(long at, int q) {
    ExpectedCall call =
        expect("ring-no-answer")
            .queue("rna" + q)
            .waitMs(8 * SECOND)
            .talkMs(10 * SECOND)
            .legs("caller", "agent", "agent")
            .offers("no_answer", "connected");
    timeline.at(
        at,
        () ->
            call.linkedId(
                place("rna" + q, new CallBehaviour(null, 10 * SECOND, false, null)).uniqueid()));
    timeline.at(
        at + 8, () -> assertTrue(bench.await(bench.sim().answer("PJSIP/140" + q)), "answered"));
  }

  /** Answered after 3 s; at 10 s the caller is redirected to a phone; hangs up at 20 s. */
  private void redirected(long at, String target) {
    ExpectedCall call =
        expect("redirected")
            .queue("transfers")
            .waitMs(3 * SECOND)
            .talkMs(17 * SECOND)
            .legs("caller", "agent", "agent")
            .offers("connected");
    String[] caller = new String[1];
    timeline.at(
        at,
        () -> {
          InboundCall placed = place("transfers", new CallBehaviour(3 * SECOND, null, false, null));
          caller[0] = placed.channel();
          call.linkedId(placed.uniqueid());
        });
    timeline.at(
        at + 10,
        () ->
            bench.action(
                AmiActionAddresses.REDIRECT,
                new JsonObject()
                    .put(AmiActionFields.CHANNEL, caller[0])
                    .put(AmiActionFields.CONTEXT, "from-internal")
                    .put(AmiActionFields.EXTEN, target)
                    .put(AmiActionFields.PRIORITY, "1")));
    timeline.at(at + 20, () -> hangup(caller[0]));
  }

  /**
   * Answered after 3 s; at 10 s the agent consults a phone (the caller on hold), which answers 3 s
   * later; the agent hangs up at 15 s, joining caller and target; the caller hangs up at 25 s.
   */
  private void attendedTransfer(long at, String target) {
    ExpectedCall call =
        expect("attended-transfer")
            .queue("transfers")
            .waitMs(3 * SECOND)
            .holdMs(5 * SECOND)
            .talkMs(17 * SECOND)
            .legs("caller", "agent", "transfer")
            .offers("connected")
            .transfers("attended");
    String[] channels = new String[2];
    timeline.at(
        at,
        () -> {
          InboundCall placed = place("transfers", new CallBehaviour(3 * SECOND, null, false, null));
          channels[0] = placed.channel();
          call.linkedId(placed.uniqueid());
        });
    timeline.at(
        at + 10,
        () -> {
          channels[1] = bench.await(bench.sim().onModel(m -> peerOf(m.channel(channels[0]))));
          bench.action(
              AmiActionAddresses.ATXFER,
              new JsonObject()
                  .put(AmiActionFields.CHANNEL, channels[1])
                  .put(AmiActionFields.EXTEN, target)
                  .put(AmiActionFields.CONTEXT, "from-internal"));
        });
    timeline.at(at + 15, () -> hangup(channels[1]));
    timeline.at(at + 25, () -> hangup(channels[0]));
  }

  private static String peerOf(Channel channel) {
    for (Channel other : channel.bridge().channels()) {
      if (other != channel) {
        return other.name();
      }
    }
    throw new AssertionError(channel.name() + " has no peer in its bridge");
  }

  private void hangup(String channel) {
    assertTrue(bench.await(bench.sim().hangup(channel)), channel + " hung up");
  }

  private static void assertTrue(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("expected true: " + what);
    }
  }
}
