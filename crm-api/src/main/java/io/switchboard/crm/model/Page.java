package io.switchboard.crm.model;

import java.util.List;

/** One page of results and whether more follow. Immutable. */
public record Page<T>(List<T> items, int limit, int offset, boolean hasMore) {

  public Page {
    items = List.copyOf(items);
  }
}
