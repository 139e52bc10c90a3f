package io.switchboard.ami.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.ami.connection.AmiActionException;
import io.switchboard.core.error.SwitchboardException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of one server's AMI client. Tags are bounded: {@code server} (configured ids), {@code
 * state} (the {@link AmiClientState} names), {@code action} (the AMI action names Switchboard's own
 * code sends) and {@code result} (success, error, timeout, unavailable, refused). Thread-safe.
 */
final class AmiClientMetrics {

  private final MeterRegistry registry;
  private final String server;
  private final Counter reconnects;
  private final Counter events;

  AmiClientMetrics(MeterRegistry registry, String server, Supplier<AmiClientState> state) {
    this.registry = registry;
    this.server = server;
    for (AmiClientState each : AmiClientState.values()) {
      Gauge.builder("switchboard.ami.connection.state", state, now -> now.get() == each ? 1 : 0)
          .description("1 for the state the AMI client of a server is in now, 0 for the others")
          .tag("server", server)
          .tag("state", each.label())
          // The supplier is a lambda only this gauge holds; a weak reference would lose it.
          .strongReference(true)
          .register(registry);
    }
    reconnects =
        Counter.builder("switchboard.ami.reconnects")
            .description("Reconnect attempts scheduled after a lost session or failed attempt")
            .tag("server", server)
            .register(registry);
    events =
        Counter.builder("switchboard.ami.events.received")
            .description("AMI events delivered to the session listener")
            .tag("server", server)
            .register(registry);
  }

  void reconnectScheduled() {
    reconnects.increment();
  }

  void eventDelivered() {
    events.increment();
  }

  /** Records one finished action; {@code failure} is null on success. */
  void action(String action, long startedNanos, Throwable failure) {
    Timer.builder("switchboard.ami.actions")
        .description("AMI actions sent, by action and result, with the time to their answer")
        .tag("server", server)
        .tag("action", action)
        .tag("result", result(failure))
        .register(registry)
        .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  private static String result(Throwable failure) {
    if (failure == null) {
      return "success";
    }
    if (failure instanceof AmiActionException) {
      return "error";
    }
    if (failure instanceof SwitchboardException coded) {
      return switch (coded.code()) {
        case TIMEOUT -> "timeout";
        case UNAVAILABLE -> "unavailable";
        default -> "refused";
      };
    }
    return "refused";
  }
}
