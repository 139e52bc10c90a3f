package io.switchboard.ami.tracker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.call.CallOutcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The meters of one server's call tracker, tagged with the server id only (bounded by
 * configuration): live calls and channels as gauges, ended calls by outcome, refusals at a limit
 * and events about channels the tracker does not know. Called on the tracker's thread; the gauges
 * are read from the scrape thread, so they read plain counters that may lag by an event.
 */
final class CallTrackerMetrics {

  private final MeterRegistry registry;
  private final String serverId;
  private final Map<CallOutcome, Counter> ended = new EnumMap<>(CallOutcome.class);
  private final Counter reconciled;
  private final Counter unknownChannel;
  private final List<Meter> meters = new ArrayList<>();

  CallTrackerMetrics(MeterRegistry registry, String serverId) {
    this.registry = registry;
    this.serverId = serverId;
    for (CallOutcome outcome : CallOutcome.values()) {
      ended.put(
          outcome,
          remember(
              Counter.builder("switchboard.ami.tracker.calls.ended")
                  .description("Calls that ended, by outcome")
                  .tag("server", serverId)
                  .tag("outcome", outcome.wire())
                  .register(registry)));
    }
    reconciled =
        remember(
            Counter.builder("switchboard.ami.tracker.calls.reconciled")
                .description("Calls closed or adopted by a resync after a lost AMI connection")
                .tag("server", serverId)
                .register(registry));
    unknownChannel =
        remember(
            Counter.builder("switchboard.ami.tracker.events.unknown.channel")
                .description("Events about a channel the tracker does not know, ignored")
                .tag("server", serverId)
                .register(registry));
  }

  void gauges(Supplier<Number> liveCalls, Supplier<Number> liveChannels) {
    remember(
        Gauge.builder("switchboard.ami.tracker.calls.live", liveCalls)
            .description("Calls in progress")
            .tag("server", serverId)
            .strongReference(true)
            .register(registry));
    remember(
        Gauge.builder("switchboard.ami.tracker.channels.live", liveChannels)
            .description("Channels of calls in progress")
            .tag("server", serverId)
            .strongReference(true)
            .register(registry));
  }

  void ended(CallOutcome outcome, boolean wasReconciled) {
    ended.get(outcome).increment();
    if (wasReconciled) {
      reconciled.increment();
    }
  }

  void unknownChannel() {
    unknownChannel.increment();
  }

  void refused(String what) {
    Counter.builder("switchboard.ami.tracker.refused")
        .description("Calls, channels or queue entries refused because a limit was reached")
        .tag("server", serverId)
        .tag("limit", what)
        .register(registry)
        .increment();
  }

  /** Removes this tracker's meters, e.g. when its server is dropped. */
  void close() {
    meters.forEach(registry::remove);
    registry
        .find("switchboard.ami.tracker.refused")
        .tag("server", serverId)
        .meters()
        .forEach(registry::remove);
  }

  private <M extends Meter> M remember(M meter) {
    meters.add(meter);
    return meter;
  }
}
