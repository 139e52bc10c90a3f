package io.switchboard.ami.codec;

import java.nio.charset.StandardCharsets;

/**
 * Turns header-key bytes into Strings without allocating one per line: AMI streams repeat the same
 * few hundred keys, so each distinct key is decoded once and then shared. Bounded; a key that does
 * not fit its slot is simply decoded again. Not thread-safe: one per decoder.
 */
final class AsciiKeyCache {

  private static final int SLOTS = 1024;
  private static final int MAX_CACHED_LENGTH = 48;

  private final String[] slots = new String[SLOTS];

  String key(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > MAX_CACHED_LENGTH) {
      return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = slots[slot];
    if (cached != null && matches(cached, bytes, from, length)) {
      return cached;
    }
    String key = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    slots[slot] = key;
    return key;
  }

  private static boolean matches(String cached, byte[] bytes, int from, int length) {
    if (cached.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (cached.charAt(i) != (char) (bytes[from + i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
