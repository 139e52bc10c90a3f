package io.switchboard.ami.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes AMI messages as Asterisk frames them: {@code Key: value\r\n} per header and an empty line
 * at the end (reference 1.2). A legacy {@code Response: Follows} carries its output and the {@code
 * --END COMMAND--} marker, laid out as Asterisk 13's {@code action_command} writes them. Header
 * text that could break the framing (CR, LF, a colon in a key) is refused, so a value typed by a
 * user can never smuggle in a second action.
 */
public final class AmiFrameEncoder {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] COLON_SPACE = {':', ' '};
  private static final String END_MARKER = "--END COMMAND--";
  private static final byte[] END_COMMAND =
      (END_MARKER + "\r\n").getBytes(StandardCharsets.US_ASCII);

  private AmiFrameEncoder() {}

  /** The message's bytes on the wire. */
  public static byte[] encode(AmiMessage message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 32 * message.size());
    for (int i = 0; i < message.size(); i++) {
      String key = message.keyAt(i);
      String value = message.valueAt(i);
      checkKey(key);
      checkValue(key, value);
      out.writeBytes(key.getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(COLON_SPACE);
      out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(CRLF);
    }
    if (message.output() != null) {
      String output = checkOutput(message);
      // As action_command writes it: the CLI text untouched, the marker right after it.
      out.writeBytes(output.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(END_COMMAND);
    }
    out.writeBytes(CRLF);
    return out.toByteArray();
  }

  private static void checkKey(String key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("AMI header key is empty");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= ' ' || c == ':' || c > '~') {
        throw new IllegalArgumentException(
            "AMI header key '" + printable(key) + "' contains a character that is not allowed");
      }
    }
  }

  private static void checkValue(String key, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "AMI header " + key + " has a line break in its value: '" + printable(value) + "'");
    }
  }

  /**
   * Command output goes only into a {@code Response: Follows} reply, uses the CLI's LF line ends (a
   * CR could not be told from the framing) and never carries the end marker at a line end, which
   * would end the reply early and let the rest be read as new messages.
   */
  private static String checkOutput(AmiMessage message) {
    if (message.size() == 0
        || !message.keyAt(0).equalsIgnoreCase("Response")
        || !message.valueAt(0).equalsIgnoreCase("Follows")) {
      throw new IllegalArgumentException(
          "AMI command output only goes into a 'Response: Follows' reply, not " + message.name());
    }
    String output = message.output();
    if (output.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "AMI command output has a CR; Asterisk's CLI text uses LF line ends: '"
              + printable(output)
              + "'");
    }
    if (output.endsWith(END_MARKER) || output.contains(END_MARKER + "\n")) {
      throw new IllegalArgumentException(
          "AMI command output holds the " + END_MARKER + " marker at a line end");
    }
    return output;
  }

  private static String printable(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
