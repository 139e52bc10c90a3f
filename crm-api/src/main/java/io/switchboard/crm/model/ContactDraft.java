package io.switchboard.crm.model;

import java.util.List;

/** A validated contact to create or the new state of one; {@code phones} null: unchanged. */
public record ContactDraft(
    String name, String title, String email, List<CustomerDraft.PhoneDraft> phones) {}
