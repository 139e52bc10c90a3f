package io.switchboard.core.http;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and how to ask for the next one. A list paged by offset fills {@code limit},
 * {@code offset} and {@code hasMore} ({@code nextAfter} is null); a list paged by key fills {@code
 * limit}, {@code hasMore} and {@code nextAfter}, the key of the last item to ask for the next page
 * with (null on the last page; {@code offset} is 0). Immutable.
 */
public record Page<T>(List<T> items, int limit, int offset, boolean hasMore, String nextAfter) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The offset page made from a query that asked for {@code limit + 1} rows: the extra row, when it
   * came, only says that more follow.
   */
  public static <T> Page<T> fromOneExtra(List<T> fetched, int limit, int offset) {
    boolean more = fetched.size() > limit;
    return new Page<>(more ? fetched.subList(0, limit) : fetched, limit, offset, more, null);
  }

  /**
   * The key page made from a query that asked for {@code limit + 1} rows: the extra row, when it
   * came, only says that more follow, and the last item's {@code key} is where the next page
   * starts.
   */
  public static <T> Page<T> fromOneExtra(List<T> fetched, int limit, Function<T, Object> key) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, limit, 0, false, null);
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(items, limit, 0, true, String.valueOf(key.apply(items.get(limit - 1))));
  }

  /** The offset of the next page of a list paged by offset, or null on the last page. */
  public Integer nextOffset() {
    return hasMore ? offset + limit : null;
  }
}
