package io.switchboard.deploy.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.CallAddresses;
import io.switchboard.deploy.ami.CallLogTable.LoggedCall;
import io.switchboard.pbxsim.PbxSimulator.InboundCall;
import io.switchboard.pbxsim.model.CallBehaviour;
import io.switchboard.pbxsim.scenario.MemberSpec;
import io.switchboard.pbxsim.scenario.QueueSpec;
import io.switchboard.pbxsim.scenario.Scenario;
import io.switchboard.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AMI peer goes away under traffic (every client dropped, connections refused) and comes back
 * 30 simulated seconds later with its calls carried over, as after a network cut or a manager
 * restart: the client reconnects and resyncs, and every call still gets exactly one call log. Calls
 * that ended while nobody listened are closed at the moment the connection was lost and marked
 * reconciled; calls that started meanwhile are adopted, marked reconciled, and logged when they
 * end.
 */
class AmiPeerRestartIT {

  private static final long DROP_SECOND = 60;
  private static final long RESUME_SECOND = 90;

  @TempDir Path directory;

  private final SplittableRandom random = new SplittableRandom(20_260_101);
  private final Map<String, Long> placedAt = new LinkedHashMap<>();
  private final Set<String> placedDuringOutage = new HashSet<>();
  private final List<String> waitingThroughOutage = new ArrayList<>();
  private Set<String> liveAtDrop = Set.of();
  private Set<String> liveAtResume = Set.of();

  @Test
  void aPeerThatDropsEveryClientAndComesBackLeavesExactlyOneCallLogPerCall() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        BridgeBench bench = BridgeBench.start(scenario(), database.settings(), directory)) {
      CallEventRecorder events = bench.await(CallEventRecorder.listen(bench.vertx()));
      Timeline timeline = new Timeline(bench);
      for (long s = 0; s < DROP_SECOND; s += 2) {
        placeRandomCall(bench, timeline, s);
      }
      timeline.at(DROP_SECOND, () -> drop(bench, timeline));
      for (long s = 62; s <= 70; s += 4) {
        placeLongWaitingCall(bench, timeline, s);
      }
      for (long s = 64; s <= 68; s += 4) {
        placeLongConversation(bench, timeline, s);
      }
      timeline.at(RESUME_SECOND, () -> resume(bench, timeline));
      for (long s = RESUME_SECOND + 2; s < RESUME_SECOND + 40; s += 2) {
        placeRandomCall(bench, timeline, s);
      }

      timeline.runUntilQuiet(600);

      assertThat(bench.counter("switchboard.ami.tracker.calls.ended"))
          .as("calls the tracker ended")
          .isEqualTo(placedAt.size());
      Await.until(
          "the call-log writer has written every call",
          Duration.ofSeconds(20),
          () -> bench.counter("switchboard.calllog.written") >= placedAt.size());
      Map<String, LoggedCall> logged =
          new CallLogTable(database.address(), BridgeBench.SERVER).read();
      assertThat(logged.keySet()).containsExactlyInAnyOrderElementsOf(placedAt.keySet());
      assertThat(bench.counter("switchboard.calllog.written", "result", "duplicate"))
          .as("calls finished twice")
          .isZero();
      for (String linkedId : placedAt.keySet()) {
        assertThat(events.eventsOf(linkedId))
            .as("call.ended events of %s", linkedId)
            .containsOnlyOnce(CallAddresses.CALL_ENDED);
      }
      checkReconciliation(timeline, logged);
    }
  }

  private void checkReconciliation(Timeline timeline, Map<String, LoggedCall> logged) {
    Set<String> endedDuringOutage = new HashSet<>(liveAtDrop);
    endedDuringOutage.removeAll(liveAtResume);
    Set<String> spanningOutage = new HashSet<>(liveAtDrop);
    spanningOutage.retainAll(liveAtResume);
    assertThat(endedDuringOutage).as("calls that ended during the outage").hasSizeGreaterThan(3);
    assertThat(spanningOutage).as("calls that lived through the outage").isNotEmpty();
    assertThat(liveAtResume).containsAll(placedDuringOutage);
    Instant lostAt = Instant.ofEpochMilli(timeline.millisAt(DROP_SECOND));
    Instant resumedAt = Instant.ofEpochMilli(timeline.millisAt(RESUME_SECOND));

    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, Long> placed : placedAt.entrySet()) {
      String linkedId = placed.getKey();
      LoggedCall call = logged.get(linkedId);
      String what = "call " + linkedId + " placed at second " + placed.getValue();
      if (endedDuringOutage.contains(linkedId)) {
        soft.assertThat(call.summary().reconciled()).as(what + ", ended in the outage").isTrue();
        soft.assertThat(call.endedAt()).as(what + ", ended in the outage").isEqualTo(lostAt);
      } else if (placedDuringOutage.contains(linkedId)) {
        soft.assertThat(call.summary().reconciled()).as(what + ", adopted").isTrue();
        soft.assertThat(call.startedAt())
            .as(what + ", adopted: start from CoreShowChannel's Duration")
            .isEqualTo(Instant.ofEpochMilli(timeline.millisAt(placed.getValue())));
        soft.assertThat(call.endedAt()).as(what + ", adopted").isAfter(resumedAt);
      } else if (spanningOutage.contains(linkedId)) {
        soft.assertThat(call.endedAt()).as(what + ", spanning the outage").isAfter(resumedAt);
      } else {
        soft.assertThat(call.summary().reconciled()).as(what + ", seen whole").isFalse();
      }
    }
    for (String linkedId : waitingThroughOutage) {
      soft.assertThat(logged.get(linkedId).summary().outcome())
          .as("caller %s waiting through the outage, then hanging up", linkedId)
          .isEqualTo("abandoned");
      soft.assertThat(logged.get(linkedId).summary().queue()).isEqualTo("overflow");
    }
    soft.assertAll();
  }

  private void drop(BridgeBench bench, Timeline timeline) {
    bench.barrier();
    liveAtDrop = bench.liveLinkedIds();
    bench.await(bench.sim().stopAcceptingAndDropClients());
    bench.awaitNotConnected();
    timeline.offline(true);
  }

  private void resume(BridgeBench bench, Timeline timeline) {
    // The seconds of the outage took no real time: let the client meet a refused connection.
    Await.until(
        "the client's reconnect was refused at least once",
        BridgeBench.CONNECT_TIMEOUT,
        () -> bench.counter("switchboard.ami.reconnects") >= 2);
    liveAtResume = bench.liveLinkedIds();
    bench.await(bench.sim().resumeAccepting());
    bench.awaitConnectionState("connected");
    timeline.offline(false);
  }

  /** Two in three calls go to agents, the others wait in a queue nobody answers until they quit. */
  private void placeRandomCall(BridgeBench bench, Timeline timeline, long second) {
    boolean toAgents = random.nextInt(3) > 0;
    CallBehaviour behaviour =
        toAgents
            ? new CallBehaviour(
                1000L * random.nextInt(2, 7),
                1000L * random.nextInt(10, 51),
                random.nextInt(10) < 3,
                null)
            : new CallBehaviour(null, null, false, 1000L * random.nextInt(5, 46));
    String queue = toAgents ? "support" : "overflow";
    timeline.at(second, () -> place(bench, queue, behaviour, second));
  }

  /** A caller that waits in a queue until the test hangs it up, well after the resume. */
  private void placeLongWaitingCall(BridgeBench bench, Timeline timeline, long second) {
    String[] channel = new String[1];
    timeline.at(
        second,
        () -> {
          InboundCall call = place(bench, "overflow", CallBehaviour.manual(), second);
          channel[0] = call.channel();
          placedDuringOutage.add(call.uniqueid());
          waitingThroughOutage.add(call.uniqueid());
        });
    timeline.at(second + 40, () -> bench.await(bench.sim().hangup(channel[0])));
  }

  /** A caller that talks to an agent from the outage until well after it. */
  private void placeLongConversation(BridgeBench bench, Timeline timeline, long second) {
    timeline.at(
        second,
        () ->
            placedDuringOutage.add(
                place(bench, "support", new CallBehaviour(2000L, 80_000L, false, null), second)
                    .uniqueid()));
  }

  private InboundCall place(BridgeBench bench, String queue, CallBehaviour behaviour, long second) {
    InboundCall call =
        bench.await(
            bench
                .sim()
                .placeInboundCall(
                    queue, "+4420794" + String.format("%05d", placedAt.size()), behaviour));
    placedAt.put(call.uniqueid(), second);
    return call;
  }

  private static Scenario scenario() {
    List<MemberSpec> agents = new ArrayList<>();
    for (int exten = 1001; exten <= 1010; exten++) {
      agents.add(new MemberSpec("PJSIP/" + exten, "Agent " + exten, 0, false, null));
    }
    return new Scenario(
        "trunk",
        List.of(
            new QueueSpec("support", "leastrecent", 15, 1, 0, 60, agents),
            new QueueSpec("overflow", "ringall", 15, 1, 0, 60, List.of())),
        null,
        null,
        null);
  }
}
