package io.switchboard.dialer.lead;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One good row of a lead import, ready to store. Immutable.
 *
 * @param row the row number as a spreadsheet shows it (header = 1)
 * @param timeZone the zone the row named or the number's only zone; null when the number spans
 *     several zones and the row named none
 */
public record LeadDraft(int row, String e164, String name, String externalId, ZoneId timeZone) {

  public LeadDraft {
    Objects.requireNonNull(e164, "e164");
    Objects.requireNonNull(name, "name");
  }
}
