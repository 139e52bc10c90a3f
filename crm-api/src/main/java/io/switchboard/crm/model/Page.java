package io.switchboard.crm.model;

import java.util.List;

/** One page of results and whether more follow. Immutable. */
public record Page<T>(List<T> items, int limit, int offset, boolean hasMore) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page made from a query that asked for {@code limit + 1} rows: the extra row, when it came,
   * only says that more follow.
   */
  public static <T> Page<T> fromOneExtra(List<T> fetched, int limit, int offset) {
    boolean more = fetched.size() > limit;
    return new Page<>(more ? fetched.subList(0, limit) : fetched, limit, offset, more);
  }
}
