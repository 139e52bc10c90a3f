package io.switchboard.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvDecoderTest {

  private static final String TEXT = "name,kind\r\n张伟,individual\r\n";

  @Test
  void utf8IsReadWithOrWithoutItsByteOrderMark() throws CsvFormatException {
    assertThat(CsvDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), null).text())
        .isEqualTo(TEXT);
    CsvDecoder.Decoded withBom =
        CsvDecoder.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8), null);
    assertThat(withBom.text()).isEqualTo(TEXT);
    assertThat(withBom.charset()).isEqualTo("UTF-8");
  }

  @Test
  void gbkBytesAreDetectedAsGb18030() throws CsvFormatException {
    CsvDecoder.Decoded decoded = CsvDecoder.decode(TEXT.getBytes(Charset.forName("GBK")), null);
    assertThat(decoded.text()).isEqualTo(TEXT);
    assertThat(decoded.charset()).isEqualTo("GB18030");
  }

  @Test
  void utf16WithAByteOrderMarkIsRead() throws CsvFormatException {
    byte[] bytes = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE);
    assertThat(CsvDecoder.decode(bytes, null).text()).isEqualTo(TEXT);
  }

  @Test
  void bytesInvalidInTheNamedOrEveryDetectedCharsetAreRefusedNotReplaced() {
    byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));
    assertThatThrownBy(() -> CsvDecoder.decode(gbk, StandardCharsets.UTF_8))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("not valid UTF-8");
    byte[] garbage = {'a', ',', (byte) 0xFF, (byte) 0xFF, '\n'};
    assertThatThrownBy(() -> CsvDecoder.decode(garbage, null))
        .hasMessageContaining("neither UTF-8 nor GB18030");
    assertThatThrownBy(() -> CsvDecoder.decode("a\0b".getBytes(StandardCharsets.UTF_8), null))
        .hasMessageContaining("NUL");
  }
}
