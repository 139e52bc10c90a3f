package io.switchboard.crm.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated customer to create, or the new state of one to update. The lists are {@code null} on
 * an update that leaves them as they are. Immutable.
 */
public record CustomerDraft(
    CustomerKind kind,
    String name,
    String customerType,
    String valueTier,
    Long regionId,
    boolean vip,
    boolean goldMember,
    Long ownerUserId,
    String email,
    String website,
    String faxE164,
    String mainProducts,
    LocalDate birthday,
    String notes,
    List<String> tags,
    List<PhoneDraft> phones,
    List<AddressDraft> addresses,
    List<AnniversaryDraft> anniversaries) {

  /** A phone number to store: its E.164 form, the text it was given as, and a label. */
  public record PhoneDraft(String e164, String asEntered, String label) {}

  /** An address to store. */
  public record AddressDraft(String label, String line, Long regionId, String postalCode) {}

  /** An anniversary to store. */
  public record AnniversaryDraft(String kind, LocalDate day, String note) {}
}
