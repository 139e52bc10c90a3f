package io.switchboard.dialer.persistence;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read by key ({@code after}): the items and the key to ask for the next page
 * with, null on the last page. Immutable.
 */
public record Page<T>(List<T> items, String nextAfter) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page made from a query that asked for {@code limit + 1} rows: the extra row, when it came,
   * only says that more follow, and the last item's key is where the next page starts.
   */
  public static <T> Page<T> fromOneExtra(List<T> fetched, int limit, Function<T, Object> key) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, null);
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(items, String.valueOf(key.apply(items.get(limit - 1))));
  }
}
