package io.switchboard.crm.http;

import io.switchboard.core.csv.CsvDecoder;
import io.switchboard.core.csv.CsvFormatException;
import io.switchboard.core.csv.CsvParser;
import io.switchboard.core.csv.CsvWriter;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.http.QueryParams;
import io.switchboard.core.http.Requests;
import io.switchboard.core.http.Responses;
import io.switchboard.crm.model.CustomerQuery;
import io.switchboard.crm.persistence.CustomerTransferRepository;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/**
 * CSV import ({@code POST /customers/import}: all or nothing on a hard error, a row-level report
 * otherwise, optionally a dry run) and streamed CSV export ({@code GET /customers/export}).
 * Handlers run on the event loop; decoding and parsing a body of at most the HTTP body limit is
 * bounded work.
 */
final class ImportExportRoutes {

  /** Data rows one import accepts. */
  static final int MAX_IMPORT_ROWS = 50_000;

  /** Customers one export writes at most. */
  static final int MAX_EXPORT_ROWS = 1_000_000;

  private static final CsvParser PARSER = new CsvParser(MAX_IMPORT_ROWS + 1, 64, 10_000);

  private final CustomerTransferRepository transfers;
  private final CustomerImport importer;
  private final CustomerViews policy;

  ImportExportRoutes(
      CustomerTransferRepository transfers, CustomerInput input, CustomerViews policy) {
    this.transfers = transfers;
    this.importer = new CustomerImport(input);
    this.policy = policy;
  }

  void mount(GuardedRouter router) {
    router.post("/customers/import", Permission.CUSTOMER_IMPORT, this::importCsv);
    router.get("/customers/export", Permission.CUSTOMER_EXPORT, this::exportCsv);
  }

  private void importCsv(RoutingContext context) {
    QueryParams params = new QueryParams(context).allowOnly(Set.of("dryRun", "onError", "charset"));
    boolean dryRun = Boolean.TRUE.equals(params.bool("dryRun"));
    String onError = params.text("onError");
    if (onError != null && !onError.equals("skip") && !onError.equals("abort")) {
      params.fail("onError", "must be skip or abort");
    }
    Charset charset = Requests.charset(context, params);
    params.throwIfInvalid();
    byte[] bytes = Requests.csvBytes(context, "file");
    CsvDecoder.Decoded decoded;
    List<List<String>> records;
    try {
      decoded = CsvDecoder.decode(bytes, charset);
      records = PARSER.parse(decoded.text());
    } catch (CsvFormatException unreadable) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "cannot read the CSV file, nothing was imported: " + unreadable.getMessage(),
          List.of(new FieldError("file", unreadable.getMessage())));
    }
    CustomerImport.Prepared prepared = importer.prepare(records);
    boolean abort = "abort".equals(onError);
    boolean stopEarly = abort && !prepared.errors().isEmpty();
    transfers
        .importRows(Principal.of(context).userId(), prepared.rows(), dryRun || stopEarly, abort)
        .onSuccess(
            outcome -> {
              JsonObject report =
                  importer.report(prepared, outcome, decoded.charset(), dryRun, abort);
              Responses.json(context, report.getBoolean("aborted") ? 422 : 200, report);
            })
        .onFailure(context::fail);
  }

  private void exportCsv(RoutingContext context) {
    CustomerQuery query =
        CustomerQueryParams.read(context, Set.of("bom"), MAX_EXPORT_ROWS, MAX_EXPORT_ROWS);
    QueryParams params = new QueryParams(context);
    boolean bom = !Boolean.FALSE.equals(params.bool("bom"));
    params.throwIfInvalid();
    Principal principal = Principal.of(context);
    HttpServerResponse response = context.response();
    response
        .setChunked(true)
        .putHeader("content-type", "text/csv; charset=utf-8")
        .putHeader("content-disposition", "attachment; filename=\"customers.csv\"");
    response.write((bom ? CsvWriter.BOM : "") + CsvWriter.record(CustomerCsv.COLUMNS));
    transfers
        .export(
            principal.userId(),
            query,
            customer ->
                policy
                    .one(principal, customer.id(), customer.toJson())
                    .compose(view -> write(response, CsvWriter.record(CustomerCsv.row(view)))))
        .onSuccess(count -> response.end())
        .onFailure(context::fail);
  }

  /** Writes a line; completes when the response can take more (back-pressure). */
  private static Future<Void> write(HttpServerResponse response, String line) {
    if (response.closed()) {
      return Future.failedFuture(
          new SwitchboardException(ErrorCode.BAD_REQUEST, "the client went away"));
    }
    response.write(line);
    if (!response.writeQueueFull()) {
      return Future.succeededFuture();
    }
    Promise<Void> drained = Promise.promise();
    response.drainHandler(ready -> drained.tryComplete());
    response.closeHandler(closed -> drained.tryFail("the client went away"));
    return drained.future();
  }
}
