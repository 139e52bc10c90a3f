package io.switchboard.ami.tracker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;

/** A tracker, its clock, sink and meters, and the replay of captures into it. */
final class TrackerHarness {

  final ManualClock clock = new ManualClock(Instant.parse("2023-11-14T22:13:20Z"));
  final RecordingSink sink = new RecordingSink();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final CallTracker tracker;

  TrackerHarness() {
    this(CallTrackerLimits.DEFAULT);
  }

  TrackerHarness(CallTrackerLimits limits) {
    tracker =
        new CallTracker(CaptureReplay.SERVER, clock, sink, meters, limits, TrunkPolicy.DEFAULT);
  }

  TrackerHarness replay(String... captures) {
    for (String capture : captures) {
      CaptureReplay.load(capture).replay(tracker, clock);
    }
    return this;
  }

  /** The instant of a synthetic fixture's {@code Timestamp} value. */
  static Instant at(String timestamp) {
    return CaptureReplay.instant(timestamp);
  }

  double counter(String name, String tagKey, String tagValue) {
    var counter = meters.find(name).tag(tagKey, tagValue).counter();
    return counter == null ? 0 : counter.count();
  }
}
