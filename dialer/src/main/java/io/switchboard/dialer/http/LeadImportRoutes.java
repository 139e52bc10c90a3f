package io.switchboard.dialer.http;

import io.switchboard.core.console.VerifiedUser;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.dialer.campaign.CampaignStatus;
import io.switchboard.dialer.lead.ImportRowError;
import io.switchboard.dialer.lead.LeadCsvImport;
import io.switchboard.dialer.persistence.CampaignRepository;
import io.switchboard.dialer.persistence.LeadRepository;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /campaigns/:id/leads/import}: a CSV lead list (columns {@link LeadCsvImport#COLUMNS})
 * becomes a lead list of the campaign. Good rows are stored, bad rows reported by row, column and
 * problem, and leads already in the campaign are left as they are (reported). Reading and checking
 * the rows runs on a worker (libphonenumber per row); the handler itself never blocks.
 */
final class LeadImportRoutes {

  /** Largest file accepted, whatever the node's body limit allows. */
  static final int MAX_IMPORT_BYTES = 8 * 1024 * 1024;

  /** Row errors listed in a report at most; the counts are always complete. */
  static final int MAX_REPORTED_ERRORS = 1_000;

  private final Vertx vertx;
  private final CampaignRepository campaigns;
  private final LeadRepository leads;
  private final LeadCsvImport importer;
  private final Clock clock;

  LeadImportRoutes(
      Vertx vertx,
      CampaignRepository campaigns,
      LeadRepository leads,
      LeadCsvImport importer,
      Clock clock) {
    this.vertx = vertx;
    this.campaigns = campaigns;
    this.leads = leads;
    this.importer = importer;
    this.clock = clock;
  }

  void mount(GuardedRoutes routes) {
    routes.add(
        HttpMethod.POST,
        "/campaigns/:id/leads/import",
        DialerPermission.CAMPAIGN_WRITE,
        this::importCsv);
  }

  private void importCsv(RoutingContext context) {
    long campaignId = Requests.id(context, "id");
    VerifiedUser user = DialerPrincipal.of(context);
    QueryParams params = new QueryParams(context, Set.of("list", "charset"));
    String listName = params.text("list");
    Charset charset = Requests.charset(context, params);
    params.throwIfInvalid();
    byte[] bytes = Requests.csvBytes(context, "lead list");
    if (bytes.length > MAX_IMPORT_BYTES) {
      throw new SwitchboardException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          "a lead list may have at most " + MAX_IMPORT_BYTES + " bytes; split the file");
    }
    String name = listName != null ? listName : "import " + clock.instant();
    campaigns
        .get(campaignId)
        .compose(
            campaign -> {
              if (campaign.status() == CampaignStatus.FINISHED) {
                throw new SwitchboardException(
                    ErrorCode.CONFLICT,
                    "campaign " + campaignId + " is finished; it takes no more leads");
              }
              return vertx.executeBlocking(() -> importer.prepare(bytes, charset), false);
            })
        .compose(
            prepared ->
                leads
                    .importList(
                        campaignId,
                        user.userId(),
                        name,
                        prepared.dataRows(),
                        (int)
                            prepared.errors().stream()
                                .mapToInt(ImportRowError::row)
                                .distinct()
                                .count(),
                        prepared.rows(),
                        clock.instant())
                    .map(outcome -> report(prepared, outcome)))
        .onSuccess(report -> Responses.ok(context, report))
        .onFailure(context::fail);
  }

  private static JsonObject report(
      LeadCsvImport.Prepared prepared, LeadRepository.ImportOutcome outcome) {
    List<ImportRowError> errors = new ArrayList<>(prepared.errors());
    outcome
        .duplicates()
        .forEach(
            (row, e164) ->
                errors.add(
                    new ImportRowError(
                        row,
                        "phone",
                        e164 + " is already a lead of this campaign; that lead is kept as it is")));
    errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
    JsonArray listed = new JsonArray();
    errors.stream()
        .limit(MAX_REPORTED_ERRORS)
        .forEach(
            error ->
                listed.add(
                    new JsonObject()
                        .put("row", error.row())
                        .put("column", error.column())
                        .put("problem", error.problem())));
    long failedRows = errors.stream().mapToInt(ImportRowError::row).distinct().count();
    return new JsonObject()
        .put("list", DialerViews.list(outcome.list()))
        .put("charset", prepared.charset())
        .put("rows", prepared.dataRows())
        .put("imported", outcome.list().imported())
        .put("failed", failedRows)
        .put("errors", listed)
        .put("errorsTruncated", errors.size() > MAX_REPORTED_ERRORS);
  }
}
