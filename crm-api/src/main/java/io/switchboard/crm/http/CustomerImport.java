package io.switchboard.crm.http;

import io.switchboard.core.csv.CsvHeader;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.model.CustomerDraft;
import io.switchboard.crm.persistence.CustomerTransferRepository.ImportOutcome;
import io.switchboard.crm.persistence.CustomerTransferRepository.ImportRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an import's CSV records: the header (a bad one is a hard error: nothing is imported), then
 * every row through the same validation as the JSON API, then duplicates of a number within the
 * file; and writes the row-level report. Stateless apart from the input reader.
 */
final class CustomerImport {

  /** Row errors listed in a report at most; the counts are always complete. */
  static final int MAX_REPORTED_ERRORS = 1_000;

  private final CustomerInput input;

  CustomerImport(CustomerInput input) {
    this.input = input;
  }

  /** A problem with one cell (or the whole row when column is "row"). */
  record RowError(int row, String column, String problem) {}

  /** The rows that passed the checks, and the problems of the others. */
  record Prepared(int dataRows, List<ImportRow> rows, List<RowError> errors) {}

  Prepared prepare(List<List<String>> records) {
    if (records.isEmpty()) {
      throw hard("file", "is empty; the first line must name the columns");
    }
    List<String> header =
        CsvHeader.read(
            records.get(0), CustomerCsv::known, CustomerCsv.COLUMNS, CustomerCsv.REQUIRED);
    List<ImportRow> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Map<String, Integer> numbers = new HashMap<>();
    for (int i = 1; i < records.size(); i++) {
      int rowNumber = i + 1;
      List<String> record = records.get(i);
      if (record.size() > header.size()) {
        errors.add(
            new RowError(
                rowNumber,
                "row",
                "has " + record.size() + " cells but the header names " + header.size()));
        continue;
      }
      Map<String, String> problems = new LinkedHashMap<>();
      JsonObject json = CustomerCsv.toJson(header, record, problems);
      CustomerDraft draft = null;
      try {
        draft = input.read(json, null, Set.of());
      } catch (SwitchboardException invalid) {
        for (FieldError field : invalid.fields()) {
          problems.putIfAbsent(CustomerCsv.columnOf(field.field()), field.problem());
        }
      }
      if (draft != null && problems.isEmpty()) {
        for (CustomerDraft.PhoneDraft phone : draft.phones()) {
          Integer earlier = numbers.putIfAbsent(phone.e164(), rowNumber);
          if (earlier != null) {
            problems.put("phones", "number " + phone.e164() + " is also on row " + earlier);
          }
        }
      }
      if (problems.isEmpty()) {
        rows.add(new ImportRow(rowNumber, draft));
      } else {
        problems.forEach((column, problem) -> errors.add(new RowError(rowNumber, column, problem)));
      }
    }
    if (records.size() == 1) {
      throw hard("file", "has a header but no rows");
    }
    return new Prepared(records.size() - 1, rows, errors);
  }

  JsonObject report(
      Prepared prepared, ImportOutcome outcome, String charset, boolean dryRun, boolean abort) {
    List<RowError> errors = new ArrayList<>(prepared.errors());
    outcome
        .conflicts()
        .forEach(
            (row, problems) ->
                problems.forEach(
                    (column, problem) -> errors.add(new RowError(row, column, problem))));
    errors.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : 0);
    Set<Integer> failedRows = new HashSet<>();
    errors.forEach(error -> failedRows.add(error.row()));
    boolean aborted = abort && !errors.isEmpty();
    int good = prepared.dataRows() - failedRows.size();
    JsonArray errorArray = new JsonArray();
    errors.stream()
        .limit(MAX_REPORTED_ERRORS)
        .forEach(
            error ->
                errorArray.add(
                    new JsonObject()
                        .put("row", error.row())
                        .put("column", error.column())
                        .put("problem", error.problem())));
    JsonArray created = new JsonArray();
    outcome
        .created()
        .forEach((row, id) -> created.add(new JsonObject().put("row", row).put("id", id)));
    return new JsonObject()
        .put("charset", charset)
        .put("dryRun", dryRun)
        .put("aborted", aborted)
        .put("rows", prepared.dataRows())
        .put("imported", outcome.created().size())
        .put("wouldImport", dryRun && !aborted ? good : 0)
        .put("failed", failedRows.size())
        .put("errors", errorArray)
        .put("errorsTruncated", errors.size() > MAX_REPORTED_ERRORS)
        .put("created", created);
  }

  private static SwitchboardException hard(String field, String problem) {
    return new SwitchboardException(
        io.switchboard.core.error.ErrorCode.VALIDATION_FAILED,
        "the CSV " + field + " " + problem + "; nothing was imported",
        List.of(new FieldError(field, problem)));
  }
}
