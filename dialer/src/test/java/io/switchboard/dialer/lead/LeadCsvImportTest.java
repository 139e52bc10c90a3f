package io.switchboard.dialer.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.phone.PhoneNormalizer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LeadCsvImportTest {

  private static final NumberTimeZones ZONES = new NumberTimeZones();
  private final LeadCsvImport importer =
      new LeadCsvImport(new PhoneNormalizer("CN"), ZONES, LeadCsvImport.MAX_ROWS);

  private LeadCsvImport.Prepared prepare(String csv) {
    return importer.prepare(csv.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void goodRowsBecomeLeadsInE164WithTheirZone() {
    LeadCsvImport.Prepared prepared =
        prepare(
            "phone,name,time_zone,external_id\r\n"
                + "138 0013 8000,张伟,,crm-1\r\n"
                + "+1 (212) 555-1234,Ann,,\r\n"
                + "+61 412 345 678,Bruce,,\r\n"
                + "+447911123456,Nigel,Europe/London,x\r\n");

    assertThat(prepared.errors()).isEmpty();
    assertThat(prepared.dataRows()).isEqualTo(4);
    assertThat(prepared.charset()).isEqualTo("UTF-8");
    assertThat(prepared.rows())
        .containsExactly(
            new LeadDraft(2, "+8613800138000", "张伟", "crm-1", ZoneId.of("Asia/Shanghai")),
            new LeadDraft(3, "+12125551234", "Ann", null, ZoneId.of("America/New_York")),
            // An Australian mobile spans several zones: stored without one.
            new LeadDraft(4, "+61412345678", "Bruce", null, null),
            new LeadDraft(5, "+447911123456", "Nigel", "x", ZoneId.of("Europe/London")));
  }

  @Test
  void columnsMayComeInAnyOrderAndOnlyPhoneIsRequired() {
    LeadCsvImport.Prepared prepared = prepare("NAME,Phone\nLi,13900000001\n");

    assertThat(prepared.rows()).extracting(LeadDraft::e164).containsExactly("+8613900000001");
  }

  @Test
  void eachKindOfBadRowIsReportedWithItsRowAndColumnAndTheGoodRowsStay() {
    String longName = "n".repeat(201);
    LeadCsvImport.Prepared prepared =
        prepare(
            "phone,name,time_zone,external_id\n"
                + "13800138000,Good,,\n"
                + ",No number,,\n"
                + "12,Too short,,\n"
                + "13800138001,Bad zone,Mars/Olympus,\n"
                + "13800138002,Offset zone,+08:00,\n"
                + "+80012345678,No zone known,,\n"
                + "13800138003,"
                + longName
                + ",,\n"
                + "13800138004,Long id,,"
                + "i".repeat(65)
                + "\n"
                + "13800138005,Too many,,,extra\n"
                + "+86 138 0013 8000,Twice,,\n"
                + "13800138006,Also good,Asia/Shanghai,\n");

    assertThat(prepared.rows())
        .extracting(LeadDraft::row)
        .as("the good rows are kept")
        .containsExactly(2, 12);
    assertThat(prepared.errors())
        .extracting(ImportRowError::row, ImportRowError::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "phone"),
            org.assertj.core.groups.Tuple.tuple(4, "phone"),
            org.assertj.core.groups.Tuple.tuple(5, "time_zone"),
            org.assertj.core.groups.Tuple.tuple(6, "time_zone"),
            org.assertj.core.groups.Tuple.tuple(7, "time_zone"),
            org.assertj.core.groups.Tuple.tuple(8, "name"),
            org.assertj.core.groups.Tuple.tuple(9, "external_id"),
            org.assertj.core.groups.Tuple.tuple(10, "row"),
            org.assertj.core.groups.Tuple.tuple(11, "phone"));
    assertThat(prepared.errors().get(0).problem()).contains("required");
    assertThat(prepared.errors().get(4).problem()).contains("unknown").contains("time_zone");
    assertThat(prepared.errors().get(8).problem()).contains("also on row 2");
  }

  @Test
  void aHeaderWithAnUnknownRepeatedOrMissingColumnRefusesTheWholeFile() {
    assertThat(hardError("phone,email\n13800138000,a@b.c\n"))
        .isEqualTo(
            new FieldError(
                "header", "column 2 \"email\" is not one of phone, name, time_zone, external_id"));
    assertThat(hardError("phone,phone\n1,2\n").problem()).contains("appears twice");
    assertThat(hardError("name\nLi\n").problem()).contains("\"phone\" is required");
  }

  @Test
  void anEmptyFileOrAHeaderWithoutRowsIsRefused() {
    assertThat(hardError("").problem()).contains("empty");
    assertThat(hardError("phone\n").problem()).contains("no rows");
  }

  @Test
  void aFileOverTheRowLimitIsRefusedWhole() {
    LeadCsvImport small = new LeadCsvImport(new PhoneNormalizer("CN"), ZONES, 3);
    String csv = "phone\n13800138000\n13800138001\n13800138002\n13800138003\n";

    assertThatThrownBy(() -> small.prepare(csv.getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            refused -> {
              assertThat(refused.code()).isEqualTo(ErrorCode.BAD_REQUEST);
              assertThat(refused.fields())
                  .containsExactly(new FieldError("file", "has more than 3 rows; split the file"));
            });
    assertThat(
            small
                .prepare(
                    "phone\n13800138000\n13800138001\n13800138002\n"
                        .getBytes(StandardCharsets.UTF_8),
                    null)
                .rows())
        .hasSize(3);
  }

  @Test
  void brokenQuotingAndUndecodableBytesAreRefusedWhole() {
    assertThatThrownBy(() -> prepare("phone,name\n13800138000,\"open\n"))
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            refused ->
                assertThat(refused.fields()).extracting(FieldError::field).containsExactly("file"));
    byte[] latin1 = "phone,name\n13800138000,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> importer.prepare(latin1, StandardCharsets.UTF_8))
        .isInstanceOf(SwitchboardException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void aGbkFileFromASpreadsheetIsRead() {
    byte[] gbk = "phone,name\n13800138000,张伟\n".getBytes(Charset.forName("GB18030"));

    LeadCsvImport.Prepared prepared = importer.prepare(gbk, null);

    assertThat(prepared.charset()).isEqualTo("GB18030");
    assertThat(prepared.rows()).extracting(LeadDraft::name).containsExactly("张伟");
  }

  private FieldError hardError(String csv) {
    try {
      prepare(csv);
    } catch (SwitchboardException refused) {
      assertThat(refused.fields()).isNotEmpty();
      return refused.fields().get(0);
    }
    throw new AssertionError("the file was not refused: " + csv);
  }
}
