package io.switchboard.agentws.wallboard;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Usernames by user id, least recently used dropped beyond its bound; remembers which ids are being
 * looked up so that each is asked for once. A user id with no row is remembered as unknown (null
 * name) too, so it is not asked for again and again. Not thread-safe: one owner.
 */
final class UsernameCache {

  /** Most ids asked for in one query. */
  static final int MAX_BATCH = 500;

  private static final String UNKNOWN = "";

  private final Map<Long, String> names;
  private final Set<Long> pending = new HashSet<>();

  UsernameCache(int maxEntries) {
    this.names =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** The username, or null when unknown or not looked up yet. */
  String get(long userId) {
    String name = names.get(userId);
    return name == null || name.equals(UNKNOWN) ? null : name;
  }

  /**
   * The ids among {@code userIds} that are neither known nor being looked up (at most {@link
   * #MAX_BATCH}); they count as being looked up from now on.
   */
  Set<Long> claimMissing(Collection<Long> userIds) {
    Set<Long> missing = new HashSet<>();
    for (Long userId : userIds) {
      if (missing.size() >= MAX_BATCH) {
        break;
      }
      if (!names.containsKey(userId) && pending.add(userId)) {
        missing.add(userId);
      }
    }
    return missing;
  }

  /** The answer for {@code asked}: the names found; the others have no user row. */
  void found(Set<Long> asked, Map<Long, String> found) {
    for (Long userId : asked) {
      pending.remove(userId);
      String name = found.get(userId);
      names.put(userId, name == null ? UNKNOWN : name);
    }
  }

  /** The lookup of {@code asked} failed: they may be asked for again. */
  void failed(Set<Long> asked) {
    pending.removeAll(asked);
  }
}
