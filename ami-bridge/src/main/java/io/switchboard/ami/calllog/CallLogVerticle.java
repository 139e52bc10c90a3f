package io.switchboard.ami.calllog;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.persistence.CallLogRepository;
import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.core.config.CallLogSettings;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.persistence.PostgresDatabase;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * The node's one call-log writer: takes finished calls from every server's tracker on {@value
 * #ADDRESS} (local only, a {@link CallRecordJson} body) and writes them through a {@link
 * CallLogWriter}, replying with the {@link WriteOutcome} name. Deploy exactly one per node: it owns
 * the spool directory. Its state lives on this verticle's context.
 */
public final class CallLogVerticle extends AbstractVerticle {

  /** Local event-bus address of finished calls; internal to the AMI bridge. */
  public static final String ADDRESS = "ami.calllog.write";

  private final PostgresDatabase database;
  private final CallLogSettings settings;
  private final MeterRegistry meters;
  private CallLogWriter writer;
  private MessageConsumer<JsonObject> consumer;

  public CallLogVerticle(
      PostgresDatabase database, CallLogSettings settings, MeterRegistry meters) {
    this.database = database;
    this.settings = settings;
    this.meters = meters;
  }

  @Override
  public void start(Promise<Void> started) {
    CallLogSpool spool = new CallLogSpool(vertx, settings.spoolDir(), settings.spoolMaxBytes());
    writer =
        new CallLogWriter(
            vertx, new CallLogRepository(database.pool()), spool, settings.retryInterval(), meters);
    consumer = vertx.eventBus().localConsumer(ADDRESS, this::handle);
    consumer.completion().compose(registered -> writer.start()).onComplete(started);
  }

  private void handle(Message<JsonObject> message) {
    CallRecord record;
    try {
      record = CallRecordJson.fromJson(message.body());
    } catch (IllegalArgumentException bad) {
      message.fail(ErrorCode.BAD_REQUEST.busFailureCode(), bad.getMessage());
      return;
    }
    writer
        .write(record)
        .onComplete(
            written -> {
              if (written.succeeded()) {
                message.reply(written.result().wire());
              } else {
                ErrorCode code =
                    written.cause() instanceof SwitchboardException failure
                        ? failure.code()
                        : ErrorCode.INTERNAL;
                message.fail(code.busFailureCode(), written.cause().getMessage());
              }
            });
  }

  @Override
  public void stop(Promise<Void> stopped) {
    consumer.unregister().compose(done -> writer.stop()).onComplete(stopped);
  }
}
