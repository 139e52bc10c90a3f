package io.switchboard.ami.tracker;

import io.switchboard.core.call.PbxEvent;

/**
 * Where a {@link CallTracker} sends what it learns, called on the tracker's own thread. An
 * implementation must not block: publish to the event bus, hand the record to the call-log writer.
 */
public interface CallTrackerSink {

  /** A call or queue change, for {@link PbxEvent#address()}. */
  void publish(PbxEvent event);

  /** A finished call, exactly once per call; its {@code call.ended} was published just before. */
  void callFinished(CallRecord record);
}
