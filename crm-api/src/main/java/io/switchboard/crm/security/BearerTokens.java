package io.switchboard.crm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Login tokens: 256 random bits written in unpadded base64url (43 characters), and the SHA-256
 * under which a token is stored, so that whoever reads Redis cannot use what they read.
 * Thread-safe.
 */
public final class BearerTokens {

  /** Random bytes in a token. */
  public static final int TOKEN_BYTES = 32;

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private BearerTokens() {}

  /** A new token. */
  public static String generate() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True when {@code token} has the shape of a token this class makes. */
  public static boolean wellFormed(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /** The lowercase hex SHA-256 of the text (UTF-8): the name a token is stored under. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }

  /**
   * The token of an {@code Authorization} header value {@code Bearer <token>} (scheme in any case,
   * RFC 6750 section 2.1), or empty when the header is absent or not a bearer credential.
   */
  public static Optional<String> fromAuthorization(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("Bearer")) {
      return Optional.empty();
    }
    return Optional.of(trimmed.substring(space + 1).trim());
  }
}
