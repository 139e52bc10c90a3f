package io.switchboard.ami.calllog;

import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.ami.tracker.CallTrackerSink;
import io.switchboard.core.call.PbxEvent;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a {@link io.switchboard.ami.tracker.CallTracker} to the rest of the node: publishes its
 * {@link PbxEvent}s on their addresses and sends each finished call to the {@link CallLogVerticle}.
 * A call log the writer does not take is logged in full at error level, never dropped silently.
 * Called on the tracker's context; never blocks.
 */
public final class EventBusTrackerSink implements CallTrackerSink {

  private static final Logger LOG = LoggerFactory.getLogger(EventBusTrackerSink.class);

  /** Time the writer has to take a call (write it, or spool it while PostgreSQL is away). */
  public static final long DEFAULT_WRITE_TIMEOUT_MS = 60_000;

  private final EventBus eventBus;
  private final DeliveryOptions toWriter =
      new DeliveryOptions().setLocalOnly(true).setSendTimeout(DEFAULT_WRITE_TIMEOUT_MS);

  public EventBusTrackerSink(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  @Override
  public void publish(PbxEvent event) {
    eventBus.publish(event.address(), event.toJson());
  }

  @Override
  public void callFinished(CallRecord record) {
    write(record);
  }

  /**
   * Sends a finished call to the call-log writer.
   *
   * @return the writer's {@link WriteOutcome} name; a failure is already logged with the record
   */
  public Future<String> write(CallRecord record) {
    var json = CallRecordJson.toJson(record);
    return eventBus
        .<String>request(CallLogVerticle.ADDRESS, json, toWriter)
        .map(Message::body)
        .onFailure(
            failure ->
                LOG.error(
                    "The call-log writer did not confirm the call log of {}/{} ({}); if it is not in"
                        + " call_logs, recover it from this record: {}",
                    record.serverId(),
                    record.linkedId(),
                    failure.getMessage(),
                    json.encode()));
  }
}
