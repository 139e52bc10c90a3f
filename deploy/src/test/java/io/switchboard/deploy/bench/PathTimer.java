package io.switchboard.deploy.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times one path from the simulator's frame (the tap's clock read) to its arrival at a client, for
 * frames named by a key ({@code linkedId|interface}). The two ends may be told in either order: a
 * client in this JVM can read a frame before the tap on the simulator's thread has read the clock.
 * Latencies are kept only while measuring. Bounded: at most {@link #MAX_OPEN} keys wait for their
 * other end; beyond that new ones are counted as unmatched and forgotten. Thread-safe.
 */
final class PathTimer {

  static final int MAX_OPEN = 50_000;

  private final String label;
  private final ConcurrentHashMap<String, long[]> open = new ConcurrentHashMap<>();
  private final AtomicLong unmatched = new AtomicLong();
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong writtenEnds = new AtomicLong();
  private final AtomicLong arrivedEnds = new AtomicLong();
  private volatile LatencySamples measuring;

  PathTimer(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The frame went out (the tap's {@code System.nanoTime()}). */
  void written(String key, long nanos) {
    writtenEnds.incrementAndGet();
    end(key, nanos, 0);
  }

  /** The frame (or what the node made of it) arrived at the client. */
  void arrived(String key, long nanos) {
    arrivedEnds.incrementAndGet();
    end(key, nanos, 1);
  }

  /** From now on, matched pairs go into {@code samples}; null stops recording. */
  void measureInto(LatencySamples samples) {
    this.measuring = samples;
  }

  /** Pairs completed so far, measured or not. */
  long seen() {
    return seen.get();
  }

  /** Both ends counted since the start: {@code written/arrived/paired}. */
  String counts() {
    return writtenEnds.get()
        + " written, "
        + arrivedEnds.get()
        + " arrived, "
        + seen.get()
        + " paired";
  }

  /** Ends left waiting for their other end (or refused over the bound). */
  long unmatched() {
    return unmatched.get() + open.size();
  }

  private void end(String key, long nanos, int side) {
    long[] pair = open.remove(key);
    if (pair == null) {
      if (open.size() >= MAX_OPEN) {
        unmatched.incrementAndGet();
        return;
      }
      long[] fresh = new long[] {Long.MIN_VALUE, Long.MIN_VALUE};
      fresh[side] = nanos;
      long[] raced = open.putIfAbsent(key, fresh);
      if (raced == null) {
        return;
      }
      open.remove(key);
      pair = raced;
    }
    if (pair[side] != Long.MIN_VALUE) {
      // The same end twice (a member rung twice for one call): keep the later one waiting.
      unmatched.incrementAndGet();
      pair[side] = nanos;
      open.put(key, pair);
      return;
    }
    pair[side] = nanos;
    seen.incrementAndGet();
    LatencySamples samples = measuring;
    if (samples != null) {
      samples.add(pair[1] - pair[0]);
    }
  }
}
