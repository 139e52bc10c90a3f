package io.switchboard.deploy.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.CallAddresses;
import io.switchboard.deploy.ami.CallLogTable.LoggedCall;
import io.switchboard.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a simulated Asterisk carries 200 calls with mixed courses, the node's AMI bridge
 * follows them over AMI, and PostgreSQL ends up with exactly one correct call log per call. The
 * simulator runs on its manual clock and the trackers on the same simulated time, so waits and talk
 * times are checked to the millisecond.
 */
class SimulatedTrafficIT {

  @TempDir Path directory;

  @Test
  void twoHundredCallsWithMixedCoursesGiveTwoHundredCorrectCallLogs() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        BridgeBench bench =
            BridgeBench.start(MixedCallPlan.scenario(), database.settings(), directory)) {
      CallEventRecorder events = bench.await(CallEventRecorder.listen(bench.vertx()));
      Timeline timeline = new Timeline(bench);
      MixedCallPlan plan = new MixedCallPlan(bench, timeline);
      plan.schedule();

      timeline.runUntilQuiet(600);

      assertThat(bench.counter("switchboard.ami.tracker.calls.ended"))
          .as("calls the tracker ended")
          .isEqualTo(MixedCallPlan.TOTAL);
      CallLogTable table = new CallLogTable(database.address(), BridgeBench.SERVER);
      Await.until(
          "the call-log writer has written every call",
          Duration.ofSeconds(20),
          () -> bench.counter("switchboard.calllog.written") >= MixedCallPlan.TOTAL);
      Map<String, LoggedCall> logged = table.read();
      List<ExpectedCall> expected = plan.expected();
      assertThat(expected).hasSize(MixedCallPlan.TOTAL);
      assertThat(logged).hasSize(MixedCallPlan.TOTAL);
      assertThat(bench.counter("switchboard.calllog.written", "result", "duplicate")).isZero();
      assertThat(bench.counter("switchboard.calllog.spooled")).isZero();

      SoftAssertions soft = new SoftAssertions();
      for (ExpectedCall call : expected) {
        LoggedCall row = logged.get(call.linkedId());
        soft.assertThat(row).as("call log of %s %s", call.kind(), call.linkedId()).isNotNull();
        if (row != null) {
          soft.assertThat(row.summary())
              .as("call log of %s %s", call.kind(), call.linkedId())
              .isEqualTo(call.summary());
          if ("answered".equals(call.summary().outcome()) && call.summary().queue() != null) {
            soft.assertThat(row.agentInterface())
                .as("agent of %s %s", call.kind(), call.linkedId())
                .isIn(MixedCallPlan.membersOf(call.summary().queue()));
          }
        }
      }
      soft.assertAll();
      assertThat(
              expected.stream()
                  .collect(
                      Collectors.groupingBy(c -> c.summary().outcome(), Collectors.counting())))
          .containsEntry("answered", 146L)
          .containsEntry("abandoned", 30L)
          .containsEntry("busy", 6L)
          .containsEntry("no_answer", 6L)
          .containsEntry("congestion", 4L)
          .containsEntry("failed", 4L)
          .containsEntry("machine", 4L);

      checkLifecycleEvents(plan.expected(), events);
    }
  }

  /** A sample of calls: the lifecycle events each kind of call publishes, in order. */
  private static void checkLifecycleEvents(List<ExpectedCall> calls, CallEventRecorder events) {
    Map<String, List<String>> firstOfKind =
        calls.stream()
            .collect(
                Collectors.toMap(
                    ExpectedCall::kind,
                    call -> events.eventsOf(call.linkedId()),
                    (first, later) -> first));
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(firstOfKind.get("answered-in-queue"))
        .containsExactly(
            CallAddresses.CALL_CREATED,
            CallAddresses.CALL_QUEUED,
            CallAddresses.CALL_OFFERED,
            CallAddresses.CALL_ANSWERED,
            CallAddresses.CALL_ENDED);
    soft.assertThat(firstOfKind.get("abandoned-waiting"))
        .containsExactly(
            CallAddresses.CALL_CREATED, CallAddresses.CALL_QUEUED, CallAddresses.CALL_ENDED);
    soft.assertThat(firstOfKind.get("ring-no-answer"))
        .containsExactly(
            CallAddresses.CALL_CREATED,
            CallAddresses.CALL_QUEUED,
            CallAddresses.CALL_OFFERED,
            CallAddresses.CALL_OFFERED,
            CallAddresses.CALL_ANSWERED,
            CallAddresses.CALL_ENDED);
    soft.assertThat(firstOfKind.get("attended-transfer"))
        .containsSubsequence(
            CallAddresses.CALL_ANSWERED, CallAddresses.CALL_TRANSFERRED, CallAddresses.CALL_ENDED);
    soft.assertThat(firstOfKind.get("originate-answered"))
        .containsExactly(
            CallAddresses.CALL_CREATED, CallAddresses.CALL_ANSWERED, CallAddresses.CALL_ENDED);
    soft.assertThat(firstOfKind.get("originate-busy"))
        .containsExactly(CallAddresses.CALL_CREATED, CallAddresses.CALL_ENDED);
    soft.assertAll();
  }
}
