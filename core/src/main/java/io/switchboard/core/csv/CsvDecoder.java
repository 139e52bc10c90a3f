package io.switchboard.core.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an uploaded CSV file into text, strictly: a byte order mark picks UTF-8 or
 * UTF-16; an explicit charset is used as given; otherwise UTF-8 is tried and then GB18030 (the
 * superset of GBK that spreadsheets in China save). Bytes that are not valid in the chosen charset
 * are an error, never replaced. Pure; thread-safe.
 */
public final class CsvDecoder {

  /** The charset used when none is given and the bytes are not UTF-8. */
  public static final Charset CHINESE = Charset.forName("GB18030");

  private CsvDecoder() {}

  /** The decoded text and the charset it was read in. */
  public record Decoded(String text, String charset) {}

  /**
   * Decodes {@code bytes}.
   *
   * @param charset the charset the client named, or null to detect it
   */
  public static Decoded decode(byte[] bytes, Charset charset) throws CsvFormatException {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
        throw new CsvFormatException(
            "the file starts with a UTF-8 byte order mark but charset "
                + charset.name()
                + " was given");
      }
      return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8), "UTF-8");
    }
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      Charset utf16 =
          bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      return new Decoded(strict(bytes, 2, utf16), utf16.name());
    }
    if (charset != null) {
      return new Decoded(strict(bytes, 0, charset), charset.name());
    }
    try {
      return new Decoded(strict(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
    } catch (CsvFormatException notUtf8) {
      try {
        return new Decoded(strict(bytes, 0, CHINESE), CHINESE.name());
      } catch (CsvFormatException notChinese) {
        throw new CsvFormatException(
            "the file is neither UTF-8 nor GB18030/GBK ("
                + notUtf8.getMessage()
                + "); save it as UTF-8 or name its charset");
      }
    }
  }

  private static String strict(byte[] bytes, int offset, Charset charset)
      throws CsvFormatException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      CharBuffer out = decoder.decode(in);
      String text = out.toString();
      if (text.indexOf('\0') >= 0) {
        throw new CsvFormatException(
            "the file contains NUL characters; it is not " + charset.name());
      }
      return text;
    } catch (CharacterCodingException bad) {
      throw new CsvFormatException(
          "bytes at offset " + (in.position() + offset) + " are not valid " + charset.name());
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
