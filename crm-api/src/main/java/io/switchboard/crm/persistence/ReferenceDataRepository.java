package io.switchboard.crm.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.model.DictionaryEntry;
import io.switchboard.crm.model.DispositionCode;
import io.switchboard.crm.model.Region;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The values customers are classified with: the data dictionary, the region tree and the
 * disposition codes. Changes are audited in their transaction. Safe to use from any context.
 */
public final class ReferenceDataRepository {

  private static final String DICTIONARY_SELECT =
      "SELECT category, code, label, sort_order, active FROM dictionary_entries";
  private static final String REGION_SELECT = "SELECT id, parent_id, level, name FROM regions";
  private static final String CODE_SELECT =
      "SELECT code, label, final, active FROM disposition_codes";

  private final Pool pool;

  public ReferenceDataRepository(Pool pool) {
    this.pool = pool;
  }

  /** The entries of one category, or of all when {@code category} is null. */
  public Future<List<DictionaryEntry>> dictionary(String category) {
    return pool.preparedQuery(
            DICTIONARY_SELECT
                + " WHERE ($1::text IS NULL OR category = $1) ORDER BY category, sort_order, code")
        .execute(Tuple.of(category))
        .map(rows -> all(rows, ReferenceDataRepository::mapEntry))
        .recover(CrmSqlErrors::fail);
  }

  public Future<DictionaryEntry> addEntry(long userId, DictionaryEntry entry) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "INSERT INTO dictionary_entries (category, code, label, sort_order, active)"
                            + " VALUES ($1, $2, $3, $4, $5)")
                    .execute(
                        Tuple.of(
                            entry.category(),
                            entry.code(),
                            entry.label(),
                            entry.sortOrder(),
                            entry.active()))
                    .compose(
                        done ->
                            AuditTrail.record(
                                connection,
                                userId,
                                "create",
                                "dictionary",
                                entry.category() + "/" + entry.code(),
                                "",
                                null,
                                entry.toJson()))
                    .map(entry))
        .recover(CrmSqlErrors::fail);
  }

  /** Changes an entry's label, order or whether it is offered; codes never change. */
  public Future<DictionaryEntry> changeEntry(
      long userId, String category, String code, Function<DictionaryEntry, DictionaryEntry> edit) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        DICTIONARY_SELECT + " WHERE category = $1 AND code = $2 FOR UPDATE")
                    .execute(Tuple.of(category, code))
                    .compose(
                        rows -> {
                          if (!rows.iterator().hasNext()) {
                            return Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.NOT_FOUND,
                                    "no dictionary entry " + category + "/" + code));
                          }
                          DictionaryEntry before = mapEntry(rows.iterator().next());
                          DictionaryEntry after = edit.apply(before);
                          return connection
                              .preparedQuery(
                                  "UPDATE dictionary_entries SET label = $3, sort_order = $4,"
                                      + " active = $5 WHERE category = $1 AND code = $2")
                              .execute(
                                  Tuple.of(
                                      category,
                                      code,
                                      after.label(),
                                      after.sortOrder(),
                                      after.active()))
                              .compose(
                                  done ->
                                      AuditTrail.record(
                                          connection,
                                          userId,
                                          "update",
                                          "dictionary",
                                          category + "/" + code,
                                          "",
                                          before.toJson(),
                                          after.toJson()))
                              .map(after);
                        }))
        .recover(CrmSqlErrors::fail);
  }

  /** The regions under {@code parentId}, or the top-level regions when it is null. */
  public Future<List<Region>> regions(Long parentId) {
    return pool.preparedQuery(
            REGION_SELECT
                + " WHERE ($1::bigint IS NULL AND parent_id IS NULL) OR parent_id = $1"
                + " ORDER BY name, id")
        .execute(Tuple.of(parentId))
        .map(rows -> all(rows, ReferenceDataRepository::mapRegion))
        .recover(CrmSqlErrors::fail);
  }

  /** A region and the regions above it, top first. */
  public Future<List<Region>> regionPath(long id) {
    return pool.preparedQuery(
            "WITH RECURSIVE up AS (SELECT id, parent_id, level, name, 0 AS depth FROM regions"
                + " WHERE id = $1 UNION ALL SELECT r.id, r.parent_id, r.level, r.name,"
                + " up.depth + 1 FROM regions r JOIN up ON r.id = up.parent_id)"
                + " SELECT id, parent_id, level, name FROM up ORDER BY depth DESC")
        .execute(Tuple.of(id))
        .compose(
            rows ->
                rows.size() == 0
                    ? Future.failedFuture(
                        new SwitchboardException(ErrorCode.NOT_FOUND, "no region " + id))
                    : Future.succeededFuture(all(rows, ReferenceDataRepository::mapRegion)))
        .recover(CrmSqlErrors::fail);
  }

  public Future<Region> addRegion(long userId, Long parentId, String level, String name) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "INSERT INTO regions (parent_id, level, name) VALUES ($1, $2, $3)"
                            + " RETURNING id, parent_id, level, name")
                    .execute(Tuple.from(Arrays.asList(parentId, level, name)))
                    .compose(
                        rows -> {
                          Region region = mapRegion(rows.iterator().next());
                          return AuditTrail.record(
                                  connection,
                                  userId,
                                  "create",
                                  "region",
                                  region.id(),
                                  "",
                                  null,
                                  region.toJson())
                              .map(region);
                        }))
        .recover(CrmSqlErrors::fail);
  }

  public Future<List<DispositionCode>> dispositionCodes() {
    return pool.query(CODE_SELECT + " ORDER BY code")
        .execute()
        .map(rows -> all(rows, ReferenceDataRepository::mapCode))
        .recover(CrmSqlErrors::fail);
  }

  /** Adds a code, or changes the label and flags of an existing one. */
  public Future<DispositionCode> putDispositionCode(long userId, DispositionCode code) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "INSERT INTO disposition_codes (code, label, final, active)"
                            + " VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO UPDATE SET"
                            + " label = excluded.label, final = excluded.final,"
                            + " active = excluded.active")
                    .execute(
                        Tuple.of(code.code(), code.label(), code.finalOutcome(), code.active()))
                    .compose(
                        done ->
                            AuditTrail.record(
                                connection,
                                userId,
                                "update",
                                "disposition_code",
                                code.code(),
                                "",
                                null,
                                code.toJson()))
                    .map(code))
        .recover(CrmSqlErrors::fail);
  }

  static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> out = new ArrayList<>();
    rows.forEach(row -> out.add(mapper.apply(row)));
    return out;
  }

  private static DictionaryEntry mapEntry(Row row) {
    return new DictionaryEntry(
        row.getString("category"),
        row.getString("code"),
        row.getString("label"),
        row.getInteger("sort_order"),
        row.getBoolean("active"));
  }

  private static Region mapRegion(Row row) {
    return new Region(
        row.getLong("id"), row.getLong("parent_id"), row.getString("level"), row.getString("name"));
  }

  private static DispositionCode mapCode(Row row) {
    return new DispositionCode(
        row.getString("code"),
        row.getString("label"),
        row.getBoolean("final"),
        row.getBoolean("active"));
  }
}
