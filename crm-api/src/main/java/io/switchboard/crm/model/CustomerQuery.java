package io.switchboard.crm.model;

import java.time.Instant;
import java.util.List;

/**
 * Search conditions for customers, all optional and combined with AND, with a sort and a page.
 * Lists mean "any of" except {@code tags}, where a customer must carry every tag. Immutable.
 */
public record CustomerQuery(
    String name,
    String phoneDigits,
    CustomerKind kind,
    List<String> customerTypes,
    Long regionId,
    List<String> valueTiers,
    Boolean vip,
    Boolean goldMember,
    Long ownerUserId,
    List<String> tags,
    Instant createdFrom,
    Instant createdTo,
    boolean deleted,
    SortField sort,
    boolean descending,
    int limit,
    int offset) {

  public CustomerQuery {
    customerTypes = List.copyOf(customerTypes);
    valueTiers = List.copyOf(valueTiers);
    tags = List.copyOf(tags);
  }

  /** The fields results may be sorted by, with their wire names. */
  public enum SortField {
    NAME("name"),
    CREATED_AT("createdAt"),
    UPDATED_AT("updatedAt"),
    ID("id");

    private final String wireName;

    SortField(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}
