package io.switchboard.crm.audit.persistence;

import io.switchboard.crm.audit.AuditEntry;
import io.switchboard.crm.audit.AuditEvent;
import io.switchboard.crm.audit.AuditPage;
import io.switchboard.crm.audit.AuditQuery;
import io.switchboard.crm.persistence.AuditTrail;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes and queries the {@code audit_log} table (created with the CRM tables in V3: id, at,
 * user_id, action, entity, entity_id as text, before, after, detail). Writers that change data call
 * {@link #insert} with their own transaction's connection, so the entry commits or rolls back with
 * the change. Thread-safe; futures complete on the caller's context.
 */
public final class AuditLogRepository {

  private final Pool pool;

  public AuditLogRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records an event on its own (logins, logouts: nothing else changes with them). */
  public Future<Void> record(AuditEvent event) {
    return insert(pool, event);
  }

  /** Records an event on {@code client}, inside the caller's transaction when it has one. */
  public static Future<Void> insert(SqlClient client, AuditEvent event) {
    return AuditTrail.record(
        client,
        event.userId(),
        event.action(),
        event.entity(),
        event.entityId(),
        event.detail(),
        event.before(),
        event.after());
  }

  /** The page of entries matching {@code query}, newest first. */
  public Future<AuditPage> find(AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, user_id, action, entity, entity_id, before, after, detail"
                + " FROM audit_log WHERE true");
    List<Object> params = new ArrayList<>();
    query.userId().ifPresent(id -> condition(sql, params, "user_id = ", id));
    query.entity().ifPresent(entity -> condition(sql, params, "entity = ", entity));
    query.entityId().ifPresent(id -> condition(sql, params, "entity_id = ", Long.toString(id)));
    query.action().ifPresent(action -> condition(sql, params, "action = ", action));
    query.from().ifPresent(from -> condition(sql, params, "at >= ", from.atOffset(ZoneOffset.UTC)));
    query.to().ifPresent(to -> condition(sql, params, "at < ", to.atOffset(ZoneOffset.UTC)));
    query.beforeId().ifPresent(id -> condition(sql, params, "id < ", id));
    params.add(query.limit() + 1);
    sql.append(" ORDER BY id DESC LIMIT $").append(params.size());
    return pool.preparedQuery(sql.toString())
        .execute(Tuple.from(params))
        .map(
            rows -> {
              List<AuditEntry> entries = new ArrayList<>();
              for (Row row : rows) {
                entries.add(toEntry(row));
              }
              if (entries.size() <= query.limit()) {
                return new AuditPage(entries, OptionalLong.empty());
              }
              List<AuditEntry> page = entries.subList(0, query.limit());
              return new AuditPage(page, OptionalLong.of(page.get(page.size() - 1).id()));
            });
  }

  private static void condition(StringBuilder sql, List<Object> params, String test, Object value) {
    params.add(value);
    sql.append(" AND ").append(test).append('$').append(params.size());
  }

  /** Entries are objects; anything else another writer stored is wrapped, not dropped. */
  private static JsonObject asObject(Object json) {
    if (json == null || json == Tuple.JSON_NULL) {
      return null;
    }
    return json instanceof JsonObject object ? object : new JsonObject().put("value", json);
  }

  /** The CRM stores ids as text (V3); entries about numbered records read back as numbers. */
  private static Long numericId(String entityId) {
    if (entityId == null || entityId.isEmpty() || entityId.length() > 18) {
      return null;
    }
    for (int i = 0; i < entityId.length(); i++) {
      if (!Character.isDigit(entityId.charAt(i))) {
        return null;
      }
    }
    return Long.parseLong(entityId);
  }

  private static AuditEntry toEntry(Row row) {
    return new AuditEntry(
        row.getLong("id"),
        row.getOffsetDateTime("at").toInstant(),
        new AuditEvent(
            row.getLong("user_id"),
            row.getString("action"),
            row.getString("entity"),
            numericId(row.getString("entity_id")),
            asObject(row.getJson("before")),
            asObject(row.getJson("after")),
            row.getString("detail")));
  }
}
