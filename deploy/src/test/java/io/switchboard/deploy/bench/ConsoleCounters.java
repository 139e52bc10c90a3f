package io.switchboard.deploy.bench;

import java.util.concurrent.atomic.AtomicLong;

/** What the console fleet saw, counted across every client; thread-safe. */
final class ConsoleCounters {
  final AtomicLong screenPops = new AtomicLong();
  final AtomicLong withCustomer = new AtomicLong();
  final AtomicLong commandErrors = new AtomicLong();
  final AtomicLong closed = new AtomicLong();
}
