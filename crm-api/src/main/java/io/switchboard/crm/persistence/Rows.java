package io.switchboard.crm.persistence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Small conversions between rows and domain values shared by the repositories. Stateless. */
final class Rows {

  private Rows() {}

  static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Integer integer(Row row, String column) {
    Object value = row.getValue(column);
    return value == null ? null : ((Number) value).intValue();
  }

  /** A JSON array column (from json_agg) as domain values. */
  static <T> List<T> list(Object json, Function<JsonObject, T> mapper) {
    List<T> out = new ArrayList<>();
    if (json instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        out.add(mapper.apply(array.getJsonObject(i)));
      }
    }
    return out;
  }

  static List<String> strings(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? List.of() : List.of(values);
  }
}
