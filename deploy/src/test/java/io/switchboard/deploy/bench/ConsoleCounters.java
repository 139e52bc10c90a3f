package io.switchboard.deploy.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the console fleet saw, counted across every client; thread-safe. */
final class ConsoleCounters {
  final AtomicLong screenPops = new AtomicLong();
  final AtomicLong withCustomer = new AtomicLong();
  final AtomicLong commandErrors = new AtomicLong();

  /** The first refused command's error, for the report (null while none was refused). */
  final AtomicReference<String> firstCommandError = new AtomicReference<>();

  final AtomicLong closed = new AtomicLong();
}
