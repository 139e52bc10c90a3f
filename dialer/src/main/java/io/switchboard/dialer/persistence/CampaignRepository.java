package io.switchboard.dialer.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.Page;
import io.switchboard.dialer.campaign.Campaign;
import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.CampaignStatus;
import io.switchboard.dialer.campaign.StatusChange;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Campaigns: create, read, list, change settings (draft or paused only, optimistic version), move
 * the status (start, pause, finish) and delete (drafts without attempts only). Safe to use from any
 * context.
 */
public final class CampaignRepository {

  private static final String SELECT = "SELECT " + CampaignRows.ALL_COLUMNS + " FROM campaigns";

  private final Pool pool;

  public CampaignRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Campaign> create(long userId, CampaignSettings settings) {
    String placeholders =
        IntStream.rangeClosed(1, CampaignRows.SETTINGS_COUNT + 1)
            .mapToObj(i -> "$" + i)
            .collect(Collectors.joining(", "));
    List<Object> values = new ArrayList<>(CampaignRows.settingsValues(settings));
    values.add(userId);
    return pool.preparedQuery(
            "INSERT INTO campaigns ("
                + CampaignRows.SETTINGS_COLUMNS
                + ", created_by) VALUES ("
                + placeholders
                + ") RETURNING "
                + CampaignRows.ALL_COLUMNS)
        .execute(Tuple.from(values))
        .map(rows -> CampaignRows.campaign(rows.iterator().next()))
        .recover(DialerSqlErrors::fail);
  }

  public Future<Optional<Campaign>> find(long id) {
    return pool.preparedQuery(SELECT + " WHERE id = $1")
        .execute(Tuple.of(id))
        .map(CampaignRepository::first)
        .recover(DialerSqlErrors::fail);
  }

  /** The campaign, or 404 naming it. */
  public Future<Campaign> get(long id) {
    return find(id).map(found -> found.orElseThrow(() -> notFound(id)));
  }

  /** Campaigns by id after {@code after}, optionally of one status. */
  public Future<Page<Campaign>> list(CampaignStatus status, long after, int limit) {
    return pool.preparedQuery(
            SELECT + " WHERE id > $1 AND ($2::text IS NULL OR status = $2) ORDER BY id LIMIT $3")
        .execute(Tuple.of(after, status == null ? null : status.wireName(), limit + 1))
        .map(
            rows ->
                Page.fromOneExtra(SqlValues.all(rows, CampaignRows::campaign), limit, c -> c.id()))
        .recover(DialerSqlErrors::fail);
  }

  /**
   * Replaces the settings of a draft or paused campaign.
   *
   * @param expectedVersion the version the change was made against; null to skip the check
   */
  public Future<Campaign> update(long id, CampaignSettings settings, Integer expectedVersion) {
    List<Object> values = new ArrayList<>(CampaignRows.settingsValues(settings));
    String assignments =
        IntStream.range(0, CampaignRows.SETTINGS_COUNT)
            .mapToObj(i -> CampaignRows.SETTINGS_COLUMN_NAMES.get(i) + " = $" + (i + 1))
            .collect(Collectors.joining(", "));
    int n = CampaignRows.SETTINGS_COUNT;
    values.add(id);
    values.add(expectedVersion);
    return pool.preparedQuery(
            "UPDATE campaigns SET "
                + assignments
                + ", version = version + 1, updated_at = now() WHERE id = $"
                + (n + 1)
                + " AND status IN ('draft', 'paused') AND ($"
                + (n + 2)
                + "::int IS NULL OR version = $"
                + (n + 2)
                + ") RETURNING "
                + CampaignRows.ALL_COLUMNS)
        .execute(Tuple.from(values))
        .recover(DialerSqlErrors::fail)
        .compose(
            rows ->
                rows.size() == 1
                    ? Future.succeededFuture(CampaignRows.campaign(rows.iterator().next()))
                    : get(id).compose(current -> Future.failedFuture(notEditable(current))));
  }

  /**
   * Moves the status, provided it is still one the change may start from and (when given) the
   * version is still {@code expectedVersion}; 409 saying why not otherwise.
   */
  public Future<Campaign> changeStatus(long id, StatusChange change, Integer expectedVersion) {
    String[] from = change.from().stream().map(CampaignStatus::wireName).toArray(String[]::new);
    return pool.preparedQuery(
            "UPDATE campaigns SET status = $2, version = version + 1, updated_at = now()"
                + " WHERE id = $1 AND status = ANY($3) AND ($4::int IS NULL OR version = $4)"
                + " RETURNING "
                + CampaignRows.ALL_COLUMNS)
        .execute(Tuple.of(id, change.to().wireName(), from, expectedVersion))
        .recover(DialerSqlErrors::fail)
        .compose(
            rows ->
                rows.size() == 1
                    ? Future.succeededFuture(CampaignRows.campaign(rows.iterator().next()))
                    : get(id)
                        .compose(
                            current ->
                                Future.failedFuture(
                                    new SwitchboardException(
                                        ErrorCode.CONFLICT,
                                        "cannot "
                                            + change.verb()
                                            + " campaign "
                                            + id
                                            + ": it is "
                                            + current.status().wireName()
                                            + (change.from().contains(current.status())
                                                ? " and was changed meanwhile; read it again"
                                                : "")))));
  }

  /** Deletes a draft with its lists, leads and exclusions; 409 unless it is a draft. */
  public Future<Void> delete(long id) {
    return pool.preparedQuery("DELETE FROM campaigns WHERE id = $1 AND status = 'draft'")
        .execute(Tuple.of(id))
        .recover(DialerSqlErrors::fail)
        .compose(
            rows ->
                rows.rowCount() == 1
                    ? Future.<Void>succeededFuture()
                    : get(id)
                        .compose(
                            current ->
                                Future.failedFuture(
                                    new SwitchboardException(
                                        ErrorCode.CONFLICT,
                                        "only a draft campaign can be deleted; campaign "
                                            + id
                                            + " is "
                                            + current.status().wireName()
                                            + ": finish it instead"))));
  }

  /** The 404 for a campaign that does not exist. */
  public static SwitchboardException notFound(long id) {
    return new SwitchboardException(ErrorCode.NOT_FOUND, "there is no campaign " + id);
  }

  /** The 409 for a change to a campaign that is running or finished, or changed meanwhile. */
  public static SwitchboardException notEditable(Campaign current) {
    if (current.status().editable()) {
      return new SwitchboardException(
          ErrorCode.CONFLICT,
          "campaign "
              + current.id()
              + " was changed meanwhile (version is now "
              + current.version()
              + "); read it again");
    }
    return new SwitchboardException(
        ErrorCode.CONFLICT,
        "campaign "
            + current.id()
            + " is "
            + current.status().wireName()
            + "; only draft or paused campaigns can be changed (pause it first)");
  }

  private static Optional<Campaign> first(RowSet<Row> rows) {
    return rows.size() == 0
        ? Optional.empty()
        : Optional.of(CampaignRows.campaign(rows.iterator().next()));
  }
}
