package io.switchboard.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.calllog.EventBusTrackerSink;
import io.switchboard.ami.client.AmiClient;
import io.switchboard.ami.tracker.CallTracker;
import io.switchboard.core.config.AmiClientSettings;
import io.switchboard.core.config.AmiServerSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * One configured Asterisk server: its AMI client and the call tracker fed by it, on one event-loop
 * context, so that the tracker's state has a single owner and events reach it in wire order. The
 * tracker's time-based work (late OriginateResponses, bounded waits) runs once a second here too.
 */
final class AmiServerVerticle extends VerticleBase {

  private static final long EXPIRE_PERIOD_MS = 1000;

  private final CallTracker tracker;
  private final AmiClient client;
  private long expireTimer = -1;

  AmiServerVerticle(
      Vertx vertx,
      AmiServerSettings server,
      AmiClientSettings settings,
      MeterRegistry meters,
      Clock clock) {
    this.tracker =
        new CallTracker(server.id(), clock, new EventBusTrackerSink(vertx.eventBus()), meters);
    this.client = new AmiClient(vertx, server, settings, tracker, meters);
  }

  AmiClient client() {
    return client;
  }

  @Override
  public Future<?> start() {
    expireTimer = vertx.setPeriodic(EXPIRE_PERIOD_MS, tick -> tracker.expire());
    return client.start();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(expireTimer);
    return client.stop().onComplete(stopped -> tracker.close());
  }
}
