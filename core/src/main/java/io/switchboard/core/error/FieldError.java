package io.switchboard.core.error;

import java.util.Objects;

/**
 * One bad field of a request: its name as the caller wrote it (a JSON field, a query parameter, a
 * CSV column, {@code phones[1].number} for a nested one) and what is wrong with it. Immutable.
 */
public record FieldError(String field, String problem) {

  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return field + ": " + problem;
  }
}
