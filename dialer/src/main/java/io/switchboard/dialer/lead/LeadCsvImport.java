package io.switchboard.dialer.lead;

import io.switchboard.core.csv.CsvDecoder;
import io.switchboard.core.csv.CsvFormatException;
import io.switchboard.core.csv.CsvHeader;
import io.switchboard.core.csv.CsvParser;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.phone.PhoneNormalizer;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a lead list from CSV bytes the way the CRM's customer import does: the charset from a BOM,
 * the client or detection ({@link CsvDecoder}), RFC 4180 records within limits ({@link CsvParser}),
 * a header naming the columns (a bad header refuses the whole file), then each row checked on its
 * own, so that good rows can be stored and bad ones reported by row, column and problem. Numbers
 * are normalised to E.164 with libphonenumber in the CRM's default region; a row without a time
 * zone takes the number's own when it has exactly one. CPU-bound (libphonenumber per row): run it
 * off the event loop. Thread-safe.
 */
public final class LeadCsvImport {

  /** Data rows one import accepts. */
  public static final int MAX_ROWS = 50_000;

  /** Columns a lead file may have; only {@code phone} is required. */
  public static final List<String> COLUMNS = List.of("phone", "name", "time_zone", "external_id");

  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_EXTERNAL_ID_LENGTH = 64;

  private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_+/-]{0,63}");

  private final PhoneNormalizer phones;
  private final NumberTimeZones zones;
  private final int maxRows;
  private final CsvParser parser;

  public LeadCsvImport(PhoneNormalizer phones, NumberTimeZones zones, int maxRows) {
    this.phones = phones;
    this.zones = zones;
    this.maxRows = maxRows;
    this.parser = new CsvParser(maxRows + 1, 16, 1_000);
  }

  /** The good rows of a file and the problems of the others. */
  public record Prepared(
      String charset, int dataRows, List<LeadDraft> rows, List<ImportRowError> errors) {}

  /**
   * Reads and checks a file.
   *
   * @param charset the charset the client named, or null to detect it
   * @throws SwitchboardException 400 (field {@code file}) when the file cannot be read or has more
   *     than the row limit, 422 (field {@code header} or {@code file}) for a bad header or no rows;
   *     nothing is imported then
   */
  public Prepared prepare(byte[] bytes, Charset charset) {
    CsvDecoder.Decoded decoded;
    List<List<String>> records;
    try {
      decoded = CsvDecoder.decode(bytes, charset);
      records = parser.parse(decoded.text());
    } catch (CsvFormatException unreadable) {
      String problem =
          unreadable.getMessage().startsWith("more than " + (maxRows + 1) + " records")
              ? "has more than " + maxRows + " rows; split the file"
              : unreadable.getMessage();
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "cannot read the CSV file, nothing was imported: " + problem,
          List.of(new FieldError("file", problem)));
    }
    if (records.isEmpty()) {
      throw hard("file", "is empty; the first line must name the columns, at least phone");
    }
    if (records.size() == 1) {
      throw hard("file", "has a header but no rows");
    }
    List<String> header =
        CsvHeader.read(records.get(0), COLUMNS::contains, COLUMNS, List.of("phone"));
    List<LeadDraft> rows = new ArrayList<>();
    List<ImportRowError> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 1; i < records.size(); i++) {
      int rowNumber = i + 1;
      LeadDraft draft = row(rowNumber, header, records.get(i), errors);
      if (draft == null) {
        continue;
      }
      Integer earlier = seen.putIfAbsent(draft.e164(), rowNumber);
      if (earlier != null) {
        errors.add(
            new ImportRowError(
                rowNumber, "phone", "number " + draft.e164() + " is also on row " + earlier));
      } else {
        rows.add(draft);
      }
    }
    return new Prepared(decoded.charset(), records.size() - 1, rows, errors);
  }

  /** The row limit this importer enforces. */
  public int maxRows() {
    return maxRows;
  }

  private LeadDraft row(
      int rowNumber, List<String> header, List<String> cells, List<ImportRowError> errors) {
    if (cells.size() > header.size()) {
      errors.add(
          new ImportRowError(
              rowNumber,
              "row",
              "has " + cells.size() + " cells but the header names " + header.size()));
      return null;
    }
    Map<String, String> values = new HashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      values.put(header.get(c), cells.get(c).strip());
    }
    int before = errors.size();
    String e164 = phone(rowNumber, values.getOrDefault("phone", ""), errors);
    String name = values.getOrDefault("name", "");
    if (name.length() > MAX_NAME_LENGTH || hasControl(name)) {
      errors.add(
          new ImportRowError(
              rowNumber,
              "name",
              "must be at most " + MAX_NAME_LENGTH + " characters without control characters"));
    }
    String externalId = values.getOrDefault("external_id", "");
    if (externalId.length() > MAX_EXTERNAL_ID_LENGTH || hasControl(externalId)) {
      errors.add(
          new ImportRowError(
              rowNumber,
              "external_id",
              "must be at most "
                  + MAX_EXTERNAL_ID_LENGTH
                  + " characters without control characters"));
    }
    ZoneId zone = zone(rowNumber, values.getOrDefault("time_zone", ""), e164, errors);
    if (errors.size() > before) {
      return null;
    }
    return new LeadDraft(rowNumber, e164, name, externalId.isEmpty() ? null : externalId, zone);
  }

  private String phone(int rowNumber, String raw, List<ImportRowError> errors) {
    if (raw.isEmpty()) {
      errors.add(new ImportRowError(rowNumber, "phone", "a phone number is required"));
      return null;
    }
    PhoneNormalizer.Result result = phones.normalize(raw);
    if (result.e164().isEmpty()) {
      errors.add(new ImportRowError(rowNumber, "phone", result.problem()));
      return null;
    }
    return result.e164().get();
  }

  private ZoneId zone(int rowNumber, String raw, String e164, List<ImportRowError> errors) {
    if (!raw.isEmpty()) {
      try {
        ZoneId zone = ZoneId.of(raw);
        if (!(zone instanceof ZoneOffset) && ZONE_NAME.matcher(raw).matches()) {
          return zone;
        }
      } catch (DateTimeException unknown) {
        // reported below
      }
      errors.add(
          new ImportRowError(
              rowNumber,
              "time_zone",
              "\"" + shorten(raw) + "\" is not an IANA time zone such as Asia/Shanghai"));
      return null;
    }
    if (e164 == null) {
      return null;
    }
    List<ZoneId> numberZones = zones.zonesOf(e164);
    if (numberZones.isEmpty()) {
      errors.add(
          new ImportRowError(
              rowNumber,
              "time_zone",
              "the time zone of "
                  + e164
                  + " is unknown; give one (such as Asia/Shanghai) in the time_zone column"));
      return null;
    }
    // Several zones: stored without one; compliance applies the most restrictive at dial time.
    return numberZones.size() == 1 ? numberZones.get(0) : null;
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20);
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static SwitchboardException hard(String field, String problem) {
    return new SwitchboardException(
        ErrorCode.VALIDATION_FAILED,
        "the CSV " + field + " " + problem + "; nothing was imported",
        List.of(new FieldError(field, problem)));
  }
}
