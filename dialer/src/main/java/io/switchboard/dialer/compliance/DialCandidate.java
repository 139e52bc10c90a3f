package io.switchboard.dialer.compliance;

import io.switchboard.dialer.lead.Lead;
import java.util.List;
import java.util.Objects;

/**
 * A lead with the facts about its number that the compliance check needs, read together with the
 * lead. Immutable.
 *
 * @param doNotCallReason the reason of the CRM do-not-call entry that blocks the number now, null
 *     when none does
 * @param excluded whether the campaign excludes the number
 * @param locks re-call locks on the number (held or expired)
 */
public record DialCandidate(
    Lead lead, String doNotCallReason, boolean excluded, List<RecallLock> locks) {

  public DialCandidate {
    Objects.requireNonNull(lead, "lead");
    locks = List.copyOf(locks);
  }
}
