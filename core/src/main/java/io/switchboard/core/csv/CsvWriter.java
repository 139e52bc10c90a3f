package io.switchboard.core.csv;

import java.util.List;

/**
 * Writes CSV records (RFC 4180, CRLF line ends). A field that a spreadsheet would run as a formula
 * ({@code =}, {@code @}) is prefixed with an apostrophe. Pure; thread-safe.
 */
public final class CsvWriter {

  /** The UTF-8 byte order mark that makes spreadsheets read the file as UTF-8. */
  public static final String BOM = "\uFEFF";

  private CsvWriter() {}

  public static String record(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    return out.append("\r\n").toString();
  }

  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = value;
    if (text.charAt(0) == '=' || text.charAt(0) == '@') {
      text = "'" + text;
    }
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || text.startsWith(" ")
            || text.endsWith(" ");
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
