package io.switchboard.core.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the percent-escapes of a URL's user info or query value. Unlike form decoding, a {@code
 * +} stays a {@code +}: passwords often contain one.
 */
final class PercentDecoding {

  private PercentDecoding() {}

  static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
