package io.switchboard.ami.tracker;

import io.switchboard.core.call.PbxEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a tracker emits, in order. */
final class RecordingSink implements CallTrackerSink {

  final List<PbxEvent> events = new ArrayList<>();
  final List<CallRecord> records = new ArrayList<>();

  @Override
  public void publish(PbxEvent event) {
    events.add(event);
  }

  @Override
  public void callFinished(CallRecord record) {
    records.add(record);
  }

  /** The events of one type, in order. */
  <T extends PbxEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The addresses of the call events (not queue events), in order. */
  List<String> callAddresses() {
    return events.stream().map(PbxEvent::address).filter(a -> a.startsWith("call.")).toList();
  }

  CallRecord onlyRecord() {
    if (records.size() != 1) {
      throw new AssertionError("expected one call record, got " + records.size() + ": " + records);
    }
    return records.get(0);
  }
}
