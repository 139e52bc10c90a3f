package io.switchboard.ami.tracker;

/**
 * Pulls the dialled number out of what Asterisk shows of a dial: a {@code DialString} such as
 * {@code 0123@trunk}, {@code trunk/0123} or {@code sip:0123@host}, or a Local channel name such as
 * {@code Local/0123@outbound-00000001;1}.
 */
final class DialStrings {

  private DialStrings() {}

  /** The number part of a dial string, or an empty string. */
  static String number(String dialString) {
    if (dialString == null) {
      return "";
    }
    String text = dialString;
    if (text.startsWith("Local/")) {
      text = text.substring("Local/".length());
    }
    int slash = text.lastIndexOf('/');
    if (slash >= 0) {
      text = text.substring(slash + 1);
    }
    if (text.startsWith("sip:") || text.startsWith("tel:")) {
      text = text.substring(4);
    }
    int at = text.indexOf('@');
    if (at >= 0) {
      text = text.substring(0, at);
    }
    return text;
  }
}
