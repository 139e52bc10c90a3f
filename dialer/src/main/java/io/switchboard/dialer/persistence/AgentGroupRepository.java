package io.switchboard.dialer.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.Page;
import io.switchboard.dialer.group.AgentGroup;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Agent groups and their members ({@code agent_groups}, {@code agent_group_members}): listed by
 * name, read, put (created or replaced, members and all, in one transaction; unknown user ids are a
 * 422 naming them) and deleted (409 naming the campaigns that still dial for the group). The runner
 * reads the members of its campaigns' groups. Safe to use from any context.
 */
public final class AgentGroupRepository {

  private static final String COLUMNS =
      "g.name, g.description, g.created_at, g.updated_at, ARRAY(SELECT m.user_id FROM"
          + " agent_group_members m WHERE m.group_name = g.name ORDER BY m.user_id) AS members";

  /** Campaigns named in a 409 when a group in use is deleted. */
  private static final int CAMPAIGNS_NAMED = 10;

  private final Pool pool;

  public AgentGroupRepository(Pool pool) {
    this.pool = pool;
  }

  /** Groups with names after {@code after} (null for the first page), by name. */
  public Future<Page<AgentGroup>> list(String after, int limit) {
    return pool.preparedQuery(
            "SELECT " + COLUMNS + " FROM agent_groups g WHERE g.name > $1 ORDER BY g.name LIMIT $2")
        .execute(Tuple.of(after == null ? "" : after, limit + 1))
        .map(
            rows ->
                Page.fromOneExtra(
                    SqlValues.all(rows, AgentGroupRepository::group), limit, AgentGroup::name))
        .recover(DialerSqlErrors::fail);
  }

  /** One group; 404 when there is none of that name. */
  public Future<AgentGroup> get(String name) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM agent_groups g WHERE g.name = $1")
        .execute(Tuple.of(name))
        .recover(DialerSqlErrors::fail)
        .compose(
            rows ->
                rows.size() == 1
                    ? Future.succeededFuture(group(rows.iterator().next()))
                    : Future.failedFuture(
                        new SwitchboardException(
                            ErrorCode.NOT_FOUND, "no agent group named " + name)));
  }

  /** The members' user ids of a group (empty when the group does not exist). */
  public Future<Set<Long>> members(String name) {
    return pool.preparedQuery("SELECT user_id FROM agent_group_members WHERE group_name = $1")
        .execute(Tuple.of(name))
        .map(rows -> Set.copyOf(SqlValues.all(rows, row -> row.getLong(0))))
        .recover(DialerSqlErrors::fail);
  }

  /**
   * Creates the group or replaces its description and members; the result says whether it was
   * created. 422 on field {@code members} naming the user ids that are no users.
   */
  public Future<Put> put(String name, String description, List<Long> members) {
    Long[] ids = members.toArray(Long[]::new);
    return pool.withTransaction(connection -> put(connection, name, description, ids))
        .recover(AgentGroupRepository::failPut);
  }

  private Future<Put> put(SqlConnection connection, String name, String description, Long[] ids) {
    return connection
        .preparedQuery(
            "SELECT u FROM unnest($1::bigint[]) u WHERE NOT EXISTS"
                + " (SELECT 1 FROM users WHERE id = u) ORDER BY u")
        .execute(Tuple.tuple().addArrayOfLong(ids))
        .compose(
            unknown -> {
              if (unknown.size() > 0) {
                List<Long> missing = SqlValues.all(unknown, row -> row.getLong(0));
                return Future.failedFuture(unknownUsers(missing));
              }
              return connection
                  .preparedQuery(
                      "INSERT INTO agent_groups (name, description) VALUES ($1, $2)"
                          + " ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description,"
                          + " updated_at = now() RETURNING (xmax = 0) AS created")
                  .execute(Tuple.of(name, description));
            })
        .compose(
            upserted -> {
              boolean created = upserted.iterator().next().getBoolean("created");
              return connection
                  .preparedQuery("DELETE FROM agent_group_members WHERE group_name = $1")
                  .execute(Tuple.of(name))
                  .compose(
                      deleted ->
                          connection
                              .preparedQuery(
                                  "INSERT INTO agent_group_members (group_name, user_id)"
                                      + " SELECT DISTINCT $1, u FROM unnest($2::bigint[]) u")
                              .execute(Tuple.tuple().addString(name).addArrayOfLong(ids)))
                  .compose(
                      inserted ->
                          connection
                              .preparedQuery(
                                  "SELECT " + COLUMNS + " FROM agent_groups g WHERE g.name = $1")
                              .execute(Tuple.of(name)))
                  .map(rows -> new Put(group(rows.iterator().next()), created));
            });
  }

  /**
   * Deletes a group no campaign dials for; 404 when there is none, 409 naming the campaigns that
   * still refer to it (whatever their status: their attempts are records).
   */
  public Future<Void> delete(String name) {
    return pool.preparedQuery(
            "WITH users_of AS (SELECT id FROM campaigns WHERE agent_group = $1 ORDER BY id"
                + " LIMIT $2), gone AS (DELETE FROM agent_groups WHERE name = $1 AND NOT EXISTS"
                + " (SELECT 1 FROM campaigns WHERE agent_group = $1) RETURNING name)"
                + " SELECT (SELECT count(*) FROM gone) AS deleted,"
                + " ARRAY(SELECT id FROM users_of) AS campaigns")
        .execute(Tuple.of(name, CAMPAIGNS_NAMED))
        .recover(failure -> Future.failedFuture(inUse(name, failure)))
        .compose(
            rows -> {
              Row row = rows.iterator().next();
              if (row.getLong("deleted") == 1) {
                return Future.<Void>succeededFuture();
              }
              Long[] campaigns = row.getArrayOfLongs("campaigns");
              if (campaigns.length > 0) {
                return Future.failedFuture(inUse(name, Arrays.asList(campaigns)));
              }
              return get(name).mapEmpty();
            });
  }

  /** The result of a put: the group as stored, and whether it is new. */
  public record Put(AgentGroup group, boolean created) {}

  private static SwitchboardException unknownUsers(List<Long> missing) {
    return SwitchboardException.invalidFields(
        List.of(new FieldError("members", "no such users: " + join(missing))));
  }

  private static SwitchboardException inUse(String name, List<Long> campaigns) {
    return new SwitchboardException(
        ErrorCode.CONFLICT,
        "agent group "
            + name
            + " is used by campaign"
            + (campaigns.size() == 1 ? " " : "s ")
            + join(campaigns)
            + "; point them at another group or queue first (finished campaigns too: their"
            + " attempts are kept)");
  }

  private static Throwable inUse(String name, Throwable failure) {
    // A campaign created for the group between the check and the delete.
    if (failure instanceof PgException pg && "23503".equals(pg.getSqlState())) {
      return new SwitchboardException(
          ErrorCode.CONFLICT, "agent group " + name + " is used by a campaign");
    }
    return DialerSqlErrors.map(failure);
  }

  private static <T> Future<T> failPut(Throwable failure) {
    // A user deleted between the check and the insert.
    if (failure instanceof PgException pg
        && "23503".equals(pg.getSqlState())
        && String.valueOf(pg.getConstraint()).startsWith("agent_group_members_user")) {
      return Future.failedFuture(
          SwitchboardException.invalidFields(
              List.of(new FieldError("members", "no such user: " + pg.getDetail()))));
    }
    return DialerSqlErrors.fail(failure);
  }

  private static String join(List<Long> ids) {
    List<String> text = new ArrayList<>();
    ids.forEach(id -> text.add(Long.toString(id)));
    return String.join(", ", text);
  }

  private static AgentGroup group(Row row) {
    return new AgentGroup(
        row.getString("name"),
        row.getString("description"),
        Arrays.asList(row.getArrayOfLongs("members")),
        SqlValues.instant(row, "created_at"),
        SqlValues.instant(row, "updated_at"));
  }
}
