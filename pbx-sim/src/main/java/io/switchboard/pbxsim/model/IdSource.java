package io.switchboard.pbxsim.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Identifiers as Asterisk forms them: {@code Uniqueid} = {@code <epoch seconds>.<global counter>}
 * (reference 1.9, {@code ast_channel_alloc}), channel names {@code <tech>/<resource>-%08x} with one
 * counter per channel driver, bridge ids as UUIDs. Seeded, so a run can be repeated exactly. Owned
 * by the model's thread.
 */
final class IdSource {

  private final SimScheduler clock;
  private final RandomGenerator random;
  private final Map<String, Integer> channelCounters = new HashMap<>();
  private int uniqueSeq;
  private int localOptimizationId;
  private long creationSeq;

  IdSource(SimScheduler clock, RandomGenerator random, int firstSequence) {
    this.clock = clock;
    this.random = random;
    this.uniqueSeq = firstSequence;
  }

  String nextUniqueid() {
    return (clock.nowMillis() / 1000) + "." + uniqueSeq++;
  }

  /**
   * {@code PJSIP/1001-0000000a}; Local channels get {@code Local/x@ctx-0000000b} (halves added by
   * the caller).
   */
  String channelName(String tech, String resource) {
    int n = channelCounters.merge(tech, 1, Integer::sum) - 1;
    return tech + "/" + resource + "-" + String.format(Locale.ROOT, "%08x", n);
  }

  String bridgeId() {
    return new UUID(
            (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L,
            (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L)
        .toString();
  }

  /**
   * Creation order, which decides the oldest linkedid ({@code
   * ast_channel_internal_oldest_linkedid}).
   */
  long nextCreationSeq() {
    return creationSeq++;
  }

  int nextLocalOptimizationId() {
    return localOptimizationId++;
  }
}
