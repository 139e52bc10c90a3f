package io.switchboard.dialer.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.Page;
import io.switchboard.dialer.compliance.LeadSkip;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadAttempt;
import io.switchboard.dialer.lead.LeadDraft;
import io.switchboard.dialer.lead.LeadList;
import io.switchboard.dialer.lead.LeadStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lead lists and leads: the import of a list (one transaction; a number already in the campaign is
 * left as it is and reported), the leads linked to the CRM customer that owns their number, and the
 * reads of lists, leads, a lead's attempts and its skips. Safe to use from any context.
 */
public final class LeadRepository {

  /**
   * The one live customer whose own number, or whose live contact's number, is the lead's; null
   * when none or several are.
   */
  private static final String CUSTOMER_OF_NUMBER =
      "(SELECT CASE WHEN count(DISTINCT c.id) = 1 THEN min(c.id) END"
          + " FROM phone_numbers p LEFT JOIN contacts ct ON ct.id = p.contact_id"
          + " JOIN customers c ON c.id = coalesce(p.customer_id, ct.customer_id)"
          + " WHERE p.e164 = u.e164 AND c.deleted_at IS NULL"
          + " AND (ct.id IS NULL OR ct.deleted_at IS NULL))";

  private final Pool pool;

  public LeadRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * What an import stored.
   *
   * @param duplicates row number to the number that is already a lead of the campaign
   */
  public record ImportOutcome(LeadList list, Map<Integer, String> duplicates) {}

  /**
   * Stores a list and its good rows in one transaction. Leads already in the campaign keep their
   * state and history; their rows are reported as duplicates.
   *
   * @param rowsRead data rows in the file; {@code failedBefore} of them were refused before storing
   * @param now when the new leads become due (the dialer's clock, not the database's)
   */
  public Future<ImportOutcome> importList(
      long campaignId,
      long userId,
      String name,
      int rowsRead,
      int failedBefore,
      List<LeadDraft> rows,
      Instant now) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "INSERT INTO lead_lists (campaign_id, name, rows_read, created_by)"
                            + " VALUES ($1, $2, $3, $4) RETURNING id")
                    .execute(Tuple.of(campaignId, name, rowsRead, userId))
                    .compose(
                        created -> {
                          long listId = created.iterator().next().getLong(0);
                          return insertLeads(connection, campaignId, listId, rows, now)
                              .compose(
                                  stored -> {
                                    Map<Integer, String> duplicates = new TreeMap<>();
                                    for (LeadDraft row : rows) {
                                      if (!stored.contains(row.e164())) {
                                        duplicates.put(row.row(), row.e164());
                                      }
                                    }
                                    int imported = rows.size() - duplicates.size();
                                    int failed = failedBefore + duplicates.size();
                                    return connection
                                        .preparedQuery(
                                            "UPDATE lead_lists SET imported = $2, failed = $3"
                                                + " WHERE id = $1 RETURNING "
                                                + LeadRows.LIST_COLUMNS)
                                        .execute(Tuple.of(listId, imported, failed))
                                        .map(
                                            list ->
                                                new ImportOutcome(
                                                    LeadRows.list(list.iterator().next()),
                                                    duplicates));
                                  });
                        }))
        .recover(DialerSqlErrors::fail);
  }

  private static Future<Set<String>> insertLeads(
      SqlConnection connection, long campaignId, long listId, List<LeadDraft> rows, Instant now) {
    if (rows.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    String[] numbers = rows.stream().map(LeadDraft::e164).toArray(String[]::new);
    String[] names = rows.stream().map(LeadDraft::name).toArray(String[]::new);
    String[] externalIds = rows.stream().map(LeadDraft::externalId).toArray(String[]::new);
    String[] zones =
        rows.stream()
            .map(row -> row.timeZone() == null ? null : row.timeZone().getId())
            .toArray(String[]::new);
    return connection
        .preparedQuery(
            "INSERT INTO leads (campaign_id, lead_list_id, e164, name, external_id, time_zone,"
                + " next_attempt_at, customer_id)"
                + " SELECT $1, $2, u.e164, u.name, u.external_id, u.time_zone, $7, "
                + CUSTOMER_OF_NUMBER
                + " FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY"
                + " AS u(e164, name, external_id, time_zone, n) ORDER BY u.n"
                + " ON CONFLICT (campaign_id, e164) DO NOTHING RETURNING e164")
        .execute(
            Tuple.of(
                campaignId, listId, numbers, names, externalIds, zones, SqlValues.timestamp(now)))
        .map(
            inserted -> {
              Set<String> stored = new HashSet<>();
              inserted.forEach(row -> stored.add(row.getString(0)));
              return stored;
            });
  }

  /** A campaign's lists, newest last, by id after {@code after}. */
  public Future<Page<LeadList>> lists(long campaignId, long after, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + LeadRows.LIST_COLUMNS
                + " FROM lead_lists WHERE campaign_id = $1 AND id > $2 ORDER BY id LIMIT $3")
        .execute(Tuple.of(campaignId, after, limit + 1))
        .map(rows -> Page.fromOneExtra(SqlValues.all(rows, LeadRows::list), limit, LeadList::id))
        .recover(DialerSqlErrors::fail);
  }

  /** A campaign's leads by id after {@code after}, optionally of one list and one status. */
  public Future<Page<Lead>> leads(
      long campaignId, Long listId, LeadStatus status, long after, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + LeadRows.LEAD_COLUMNS
                + " FROM leads l WHERE l.campaign_id = $1 AND l.id > $2"
                + " AND ($3::bigint IS NULL OR l.lead_list_id = $3)"
                + " AND ($4::text IS NULL OR l.status = $4) ORDER BY l.id LIMIT $5")
        .execute(
            Tuple.of(
                campaignId, after, listId, status == null ? null : status.wireName(), limit + 1))
        .map(rows -> Page.fromOneExtra(SqlValues.all(rows, LeadRows::lead), limit, Lead::id))
        .recover(DialerSqlErrors::fail);
  }

  /** One lead, or 404. */
  public Future<Lead> get(long leadId) {
    return pool.preparedQuery("SELECT " + LeadRows.LEAD_COLUMNS + " FROM leads l WHERE l.id = $1")
        .execute(Tuple.of(leadId))
        .recover(DialerSqlErrors::fail)
        .compose(
            rows ->
                rows.size() == 1
                    ? Future.succeededFuture(LeadRows.lead(rows.iterator().next()))
                    : Future.failedFuture(
                        new SwitchboardException(
                            ErrorCode.NOT_FOUND, "there is no lead " + leadId)));
  }

  /** A lead's attempts, first first, at most {@code limit}. */
  public Future<List<LeadAttempt>> attempts(long leadId, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + LeadRows.ATTEMPT_COLUMNS
                + " FROM lead_attempts WHERE lead_id = $1 ORDER BY attempt LIMIT $2")
        .execute(Tuple.of(leadId, limit))
        .map(rows -> SqlValues.all(rows, LeadRows::attempt))
        .recover(DialerSqlErrors::fail);
  }

  /** A lead's skip log by id after {@code after}. */
  public Future<Page<LeadSkip>> skips(long leadId, long after, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + LeadRows.SKIP_COLUMNS
                + " FROM lead_skips WHERE lead_id = $1 AND id > $2 ORDER BY id LIMIT $3")
        .execute(Tuple.of(leadId, after, limit + 1))
        .map(rows -> Page.fromOneExtra(SqlValues.all(rows, LeadRows::skip), limit, LeadSkip::id))
        .recover(DialerSqlErrors::fail);
  }
}
