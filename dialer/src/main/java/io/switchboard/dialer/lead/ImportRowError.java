package io.switchboard.dialer.lead;

/**
 * A problem with one cell of an import (column "row" when it is the whole row), as the CRM's
 * customer import reports them. Immutable.
 *
 * @param row the row number as a spreadsheet shows it (header = 1)
 */
public record ImportRowError(int row, String column, String problem) {}
