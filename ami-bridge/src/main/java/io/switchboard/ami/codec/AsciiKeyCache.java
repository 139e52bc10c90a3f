package io.switchboard.ami.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns header-key bytes into Strings without allocating one per line: AMI streams repeat the same
 * few hundred keys, so each distinct key is decoded once and then shared. Bounded; a key that does
 * not fit its slot is simply decoded again. Not thread-safe: one per decoder.
 */
final class AsciiKeyCache {

  private static final int SLOTS = 1024;
  private static final int MAX_CACHED_LENGTH = 48;

  private final String[] slots = new String[SLOTS];
  private final byte[][] slotBytes = new byte[SLOTS][];

  /** The key in {@code bytes[from, to)}; {@code hash} is {@link #hash} over the same bytes. */
  String key(byte[] bytes, int from, int to, int hash) {
    int length = to - from;
    if (length > MAX_CACHED_LENGTH) {
      return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    byte[] cached = slotBytes[slot];
    if (cached != null && Arrays.equals(cached, 0, cached.length, bytes, from, to)) {
      return slots[slot];
    }
    String key = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    slots[slot] = key;
    slotBytes[slot] = Arrays.copyOfRange(bytes, from, to);
    return key;
  }

  /** The key in {@code bytes[from, to)}. */
  String key(byte[] bytes, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = hash(hash, bytes[i]);
    }
    return key(bytes, from, to, hash);
  }

  /** One step of the hash the decoder computes while it looks for the colon. */
  static int hash(int hash, byte next) {
    return 31 * hash + next;
  }
}
