package io.switchboard.agentws.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.console.ConsoleAddresses;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console's meters: {@code switchboard.console.sessions} (gauge, tag {@code role}; a session
 * counts once for each role it holds), {@code switchboard.console.messages.sent} and {@code
 * switchboard.console.slow.clients.cut} (counters). Updated on the owner's context, read by the
 * scraper: the gauges read atomics.
 */
final class ConsoleMetrics {

  private final Map<String, AtomicInteger> sessionsByRole;
  private final AtomicInteger sessions = new AtomicInteger();
  private final Counter sent;
  private final Counter slowCut;

  ConsoleMetrics(MeterRegistry registry) {
    sessionsByRole =
        Map.of(
            ConsoleAddresses.ROLE_AGENT, new AtomicInteger(),
            ConsoleAddresses.ROLE_SUPERVISOR, new AtomicInteger(),
            ConsoleAddresses.ROLE_ADMIN, new AtomicInteger());
    sessionsByRole.forEach(
        (role, count) ->
            Gauge.builder("switchboard.console.sessions", count, AtomicInteger::get)
                .description("Open live console sessions holding the role")
                .tag("role", role)
                .register(registry));
    sent =
        Counter.builder("switchboard.console.messages.sent")
            .description("Frames written to console sessions")
            .register(registry);
    slowCut =
        Counter.builder("switchboard.console.slow.clients.cut")
            .description("Console sessions closed because they did not read fast enough")
            .register(registry);
  }

  /** Open sessions on this node; read from any thread (the upgrade checks the node's limit). */
  int sessions() {
    return sessions.get();
  }

  void sessionOpened(Set<String> roles) {
    sessions.incrementAndGet();
    roles.forEach(role -> count(role, 1));
  }

  void sessionClosed(Set<String> roles) {
    sessions.decrementAndGet();
    roles.forEach(role -> count(role, -1));
  }

  void messageSent() {
    sent.increment();
  }

  void slowClientCut() {
    slowCut.increment();
  }

  private void count(String role, int delta) {
    AtomicInteger count = sessionsByRole.get(role);
    if (count != null) {
      count.addAndGet(delta);
    }
  }
}
