package io.switchboard.crm.audit;

import java.util.List;
import java.util.OptionalLong;

/** One page of audit entries, newest first, and the cursor of the next page (empty on the last). */
public record AuditPage(List<AuditEntry> entries, OptionalLong nextBeforeId) {

  public AuditPage {
    entries = List.copyOf(entries);
  }
}
