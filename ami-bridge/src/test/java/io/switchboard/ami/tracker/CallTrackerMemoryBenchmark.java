package io.switchboard.ami.tracker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.SuppressForbidden;
import io.switchboard.core.call.PbxEvent;
import java.time.Instant;
import java.util.List;

/**
 * Prints the heap a live queue call costs the tracker (two channels, queued, one agent offered). A
 * benchmark, not a test: run it by hand ({@code java -cp ... CallTrackerMemoryBenchmark}); the
 * figure depends on the JVM (compressed oops, string dedup) and is approximate.
 */
public final class CallTrackerMemoryBenchmark {

  private static final int CALLS = 20_000;

  private CallTrackerMemoryBenchmark() {}

  @SuppressForbidden(reason = "a command-line benchmark prints its figures")
  public static void main(String[] args) {
    CallTrackerSink discard =
        new CallTrackerSink() {
          @Override
          public void publish(PbxEvent event) {}

          @Override
          public void callFinished(CallRecord record) {}
        };
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    CallTracker tracker = new CallTracker("pbx1", clock, discard, new SimpleMeterRegistry());
    long before = usedAfterGc();
    for (int i = 0; i < CALLS; i++) {
      for (AmiMessage event : queueCall(i)) {
        tracker.onEvent("pbx1", event);
      }
    }
    long after = usedAfterGc();
    System.out.printf(
        "%d live queue calls, %d channels: %.0f bytes per call%n",
        tracker.liveCalls(), tracker.liveChannels(), (after - before) / (double) CALLS);
  }

  private static List<AmiMessage> queueCall(int i) {
    String caller = "1700000000." + (2 * i);
    String agent = "1700000000." + (2 * i + 1);
    AmiMessage callerChannel = snapshot("Newchannel", "PJSIP/trunk-" + i, caller, caller, "");
    AmiMessage join =
        snapshot("QueueCallerJoin", "PJSIP/trunk-" + i, caller, caller, "")
            .with("Queue", "sales")
            .with("Position", "1");
    AmiMessage agentChannel = snapshot("Newchannel", "PJSIP/1001-" + i, agent, caller, "");
    AmiMessage called =
        snapshot("AgentCalled", "PJSIP/trunk-" + i, caller, caller, "")
            .with("DestChannel", "PJSIP/1001-" + i)
            .with("DestUniqueid", agent)
            .with("DestLinkedid", caller)
            .with("Queue", "sales")
            .with("MemberName", "Alice")
            .with("Interface", "PJSIP/1001");
    return List.of(callerChannel, join, agentChannel, called);
  }

  private static AmiMessage snapshot(
      String event, String channel, String uniqueId, String linkedId, String unused) {
    return AmiMessage.event(event)
        .with("Channel", channel)
        .with("ChannelState", "6")
        .with("CallerIDNum", "+4420794601" + uniqueId.substring(uniqueId.length() - 2))
        .with("CallerIDName", "Caller")
        .with("Context", "from-trunk")
        .with("Exten", "800")
        .with("Uniqueid", uniqueId)
        .with("Linkedid", linkedId)
        .build();
  }

  @SuppressForbidden(reason = "a command-line benchmark measures the heap between two GCs")
  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
