package io.switchboard.crm.persistence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * The one writer of {@code audit_log} rows. Writes them on the connection of the change (or read)
 * they record, so that the row and the change commit or roll back together. Stateless; runs on the
 * caller's context.
 */
public final class AuditTrail {

  static final String INSERT =
      "INSERT INTO audit_log (user_id, action, entity, entity_id, detail, before, after)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7)";

  private AuditTrail() {}

  /**
   * Records one action.
   *
   * @param userId who did it (null: the system)
   * @param action read, create, update, delete, restore, import, export, ...
   * @param before the record before a change (null for reads and creations)
   * @param after the record after a change (null for reads and deletions of the row)
   */
  public static Future<Void> record(
      SqlClient connection,
      Long userId,
      String action,
      String entity,
      Object entityId,
      String detail,
      JsonObject before,
      JsonObject after) {
    return connection
        .preparedQuery(INSERT)
        .execute(
            Tuple.from(
                new Object[] {
                  userId,
                  action,
                  entity,
                  entityId == null ? null : entityId.toString(),
                  detail == null ? "" : detail,
                  before,
                  after
                }))
        .mapEmpty();
  }
}
