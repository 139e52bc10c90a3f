package io.switchboard.dialer.lead;

import java.time.Instant;

/**
 * The leads of one CSV import, with the import's counts. Immutable.
 *
 * @param rowsRead data rows in the file
 * @param imported rows stored as leads
 * @param failed rows refused (reported row by row to the importer)
 */
public record LeadList(
    long id,
    long campaignId,
    String name,
    int rowsRead,
    int imported,
    int failed,
    Long createdBy,
    Instant createdAt) {}
