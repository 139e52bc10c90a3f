package io.switchboard.core.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: comma-separated, fields optionally in double quotes with {@code ""}
 * for a quote, CRLF or LF line ends, line breaks inside quotes) into records, within limits on
 * records, fields and field length. Pure; thread-safe.
 */
public final class CsvParser {

  private final int maxRecords;
  private final int maxFields;
  private final int maxFieldLength;

  public CsvParser(int maxRecords, int maxFields, int maxFieldLength) {
    this.maxRecords = maxRecords;
    this.maxFields = maxFields;
    this.maxFieldLength = maxFieldLength;
  }

  /** Every record of {@code text}; blank lines are skipped. */
  public List<List<String>> parse(String text) throws CsvFormatException {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int i = 0;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < length && text.charAt(i + 1) == '"') {
            append(field, '"', line);
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          append(field, c, line);
        }
        i++;
        continue;
      }
      switch (c) {
        case '"' -> {
          if (field.length() > 0) {
            throw new CsvFormatException(
                "line " + line + ": a quote inside an unquoted field; quote the whole field");
          }
          quoted = true;
          fieldStarted = true;
        }
        case ',' -> {
          addField(record, field, line);
          fieldStarted = true;
        }
        case '\r', '\n' -> {
          if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
            i++;
          }
          if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            addField(record, field, line);
            addRecord(records, record, line);
            record = new ArrayList<>();
          }
          fieldStarted = false;
          line++;
        }
        default -> {
          append(field, c, line);
          fieldStarted = true;
        }
      }
      i++;
    }
    if (quoted) {
      throw new CsvFormatException("line " + line + ": a quoted field is not closed");
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      addField(record, field, line);
      addRecord(records, record, line);
    }
    return records;
  }

  private void append(StringBuilder field, char c, int line) throws CsvFormatException {
    if (field.length() >= maxFieldLength) {
      throw new CsvFormatException(
          "line " + line + ": a field is longer than " + maxFieldLength + " characters");
    }
    field.append(c);
  }

  private void addField(List<String> record, StringBuilder field, int line)
      throws CsvFormatException {
    if (record.size() >= maxFields) {
      throw new CsvFormatException("line " + line + ": more than " + maxFields + " fields");
    }
    record.add(field.toString());
    field.setLength(0);
  }

  private void addRecord(List<List<String>> records, List<String> record, int line)
      throws CsvFormatException {
    if (records.size() >= maxRecords) {
      throw new CsvFormatException(
          "more than " + maxRecords + " records (line " + line + "); split the file");
    }
    records.add(record);
  }
}
