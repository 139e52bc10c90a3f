package io.switchboard.core.csv;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the header row of an imported CSV file: column names case-insensitive and stripped, each
 * known and at most once, the required ones present; otherwise a 422 naming every problem, and
 * nothing is imported. Stateless.
 */
public final class CsvHeader {

  /** An unknown column's name is cut to this many characters in the error. */
  private static final int MAX_ECHO_LENGTH = 40;

  private CsvHeader() {}

  /**
   * The column names of {@code cells}, lower case, in file order.
   *
   * @param known the column names an import accepts
   * @param columns the column names the error lists for an unknown one
   * @param required the columns that must be present
   * @throws SwitchboardException VALIDATION_FAILED naming every bad or missing column
   */
  public static List<String> read(
      List<String> cells,
      Predicate<String> known,
      List<String> columns,
      Collection<String> required) {
    List<String> header = new ArrayList<>();
    List<FieldError> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).strip().toLowerCase(Locale.ROOT);
      if (!known.test(name)) {
        problems.add(
            new FieldError(
                "header",
                "column "
                    + (i + 1)
                    + " \""
                    + shorten(cells.get(i))
                    + "\" is not one of "
                    + String.join(", ", columns)));
      } else if (!seen.add(name)) {
        problems.add(new FieldError("header", "column \"" + name + "\" appears twice"));
      }
      header.add(name);
    }
    for (String column : required) {
      if (!seen.contains(column)) {
        problems.add(new FieldError("header", "the column \"" + column + "\" is required"));
      }
    }
    if (!problems.isEmpty()) {
      throw new SwitchboardException(
          ErrorCode.VALIDATION_FAILED,
          "bad CSV header, nothing was imported: " + problems.get(0).problem(),
          problems);
    }
    return header;
  }

  private static String shorten(String text) {
    return text.length() > MAX_ECHO_LENGTH ? text.substring(0, MAX_ECHO_LENGTH) + "..." : text;
  }
}
