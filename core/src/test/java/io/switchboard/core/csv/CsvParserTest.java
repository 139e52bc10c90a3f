package io.switchboard.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

  private final CsvParser parser = new CsvParser(10, 5, 20);

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() throws CsvFormatException {
    assertThat(parser.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n"))
        .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "x"));
  }

  @Test
  void blankLinesAreSkippedAndTheLastLineNeedsNoLineEnd() throws CsvFormatException {
    assertThat(parser.parse("a,b\r\n\r\nc,d"))
        .containsExactly(List.of("a", "b"), List.of("c", "d"));
    assertThat(parser.parse("a,\n")).containsExactly(List.of("a", ""));
  }

  @Test
  void whatTheWriterWritesTheParserReadsBack() throws CsvFormatException {
    List<String> fields = List.of("plain", "with, comma", "\"quoted\"", "two\r\nlines", "");
    assertThat(parser.parse(CsvWriter.record(fields))).containsExactly(fields);
  }

  @Test
  void anUnclosedQuoteAQuoteInsideAFieldAndEveryLimitAreHardErrors() {
    assertThatThrownBy(() -> parser.parse("a,\"b\n")).hasMessageContaining("not closed");
    assertThatThrownBy(() -> parser.parse("ab\"c\"\n")).hasMessageContaining("quote inside");
    assertThatThrownBy(() -> parser.parse("x".repeat(21))).hasMessageContaining("longer than 20");
    assertThatThrownBy(() -> parser.parse("a,b,c,d,e,f"))
        .hasMessageContaining("more than 5 fields");
    assertThatThrownBy(() -> parser.parse("a\n".repeat(11))).hasMessageContaining("more than 10");
  }

  @Test
  void aFormulaCellIsWrittenWithAnApostrophe() {
    assertThat(CsvWriter.record(List.of("=SUM(A1)", "@x", "+86")))
        .isEqualTo("'=SUM(A1),'@x,+86\r\n");
  }
}
