package io.switchboard.core.csv;

/** A CSV text that cannot be read at all (bad encoding, unterminated quote, over a limit). */
public final class CsvFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public CsvFormatException(String message) {
    super(message);
  }
}
