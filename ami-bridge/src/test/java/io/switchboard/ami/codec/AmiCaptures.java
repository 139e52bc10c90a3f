package io.switchboard.ami.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The real AMI captures in {@code src/test/resources/captures} (provenance in SOURCES.md there),
 * and the few changes a test needs to feed them to a client-side decoder. Test support.
 */
final class AmiCaptures {

  static final String BASIC_CALL = "basic-call-answered-ast13-sip.ami";
  static final String QUEUE_STATUS = "queue-status-list-ast13-mixed.ami";
  static final String QUEUE_PAUSE = "queue-member-pause-ast13-mixed.ami";
  static final String LOGIN_MD5 = "login-md5-challenge-ami7.ami";
  static final String ORIGINATE_LEGACY = "originate-sync-local-legacy-ast11.ami";

  /**
   * Synthetic, marked as such: the goami2 and panoramisk originate captures start after login, so a
   * client-side replay opens with the banner Asterisk 13.38 would have sent (AMI 2.10.6).
   */
  static final String SYNTHETIC_BANNER = "Asterisk Call Manager/2.10.6\r\n";

  private AmiCaptures() {}

  /** The capture's bytes as stored. */
  static byte[] raw(String name) {
    try (InputStream in = AmiCaptures.class.getResourceAsStream("/captures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + name + " in test resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The capture with CRLF line ends. gawel/panoramisk stored its fixtures with LF (YAML text);
   * Asterisk sent CRLF, so the LF files are turned back before a strict client decoder reads them.
   */
  static byte[] crlf(String name) {
    byte[] bytes = raw(name);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 16);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(bytes[i]);
    }
    return out.toByteArray();
  }

  /**
   * What Asterisk sent, as a client reads it: the banner (the synthetic one when the capture has
   * none), then every block that holds no {@code Action} header. A block is what lies between empty
   * lines; in the mixed captures the client's actions are whole blocks of their own, though their
   * {@code Action} header is not always first.
   */
  static byte[] serverOutput(String name) {
    String text = new String(crlf(name), StandardCharsets.UTF_8);
    StringBuilder kept = new StringBuilder();
    if (text.startsWith("Asterisk Call Manager/")) {
      int end = text.indexOf("\r\n") + 2;
      kept.append(text, 0, end);
      text = text.substring(end);
    } else {
      kept.append(SYNTHETIC_BANNER);
    }
    for (String block : text.split("\r\n\r\n", -1)) {
      if (!holdsAction(block)) {
        kept.append(block).append("\r\n\r\n");
      }
    }
    // split() cut the final terminator into one empty block too many.
    kept.setLength(kept.length() - 4);
    return kept.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean holdsAction(String block) {
    for (String line : block.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("action:")) {
        return true;
      }
    }
    return false;
  }
}
