package io.switchboard.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Login tokens, the failed-login limits, the password hashing pool and the first admin. The
 * bootstrap password is a secret: it is never echoed in an error and {@link #toString()} hides it.
 */
public record SecuritySettings(
    Duration tokenTtl,
    int loginMaxFailures,
    int loginMaxFailuresPerAddress,
    Duration loginFailureWindow,
    int passwordHashThreads,
    String bootstrapAdminUsername,
    Optional<String> bootstrapAdminPassword) {

  /** Shortest accepted password, here and for every user (OWASP ASVS 2.1.1). */
  public static final int MIN_PASSWORD_LENGTH = 12;

  /** Longest accepted password: hashing cost must stay bounded whatever a client sends. */
  public static final int MAX_PASSWORD_LENGTH = 128;

  static SecuritySettings from(RawSettings raw) {
    String username = raw.required("security.bootstrap-admin-username");
    if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw raw.invalid(
          "security.bootstrap-admin-username",
          "must be 1 to 64 letters, digits or the characters . _ @ -");
    }
    String password = raw.text("security.bootstrap-admin-password");
    int length = password.codePointCount(0, password.length());
    if (!password.isEmpty() && (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH)) {
      // Not raw.invalid: that would print the password.
      throw new InvalidSettingException(
          "security.bootstrap-admin-password",
          "must be "
              + MIN_PASSWORD_LENGTH
              + " to "
              + MAX_PASSWORD_LENGTH
              + " characters long (value not shown, from "
              + raw.origin("security.bootstrap-admin-password")
              + ")");
    }
    return new SecuritySettings(
        raw.duration("security.token-ttl", Duration.ofMinutes(1), Duration.ofHours(168)),
        raw.integer("security.login-max-failures", 1, 1_000),
        raw.integer("security.login-max-failures-per-address", 1, 100_000),
        raw.duration("security.login-failure-window", Duration.ofSeconds(10), Duration.ofHours(24)),
        raw.integer("security.password-hash-threads", 1, 64),
        username,
        password.isEmpty() ? Optional.empty() : Optional.of(password));
  }

  @Override
  public String toString() {
    return "SecuritySettings[tokenTtl="
        + tokenTtl
        + ", loginMaxFailures="
        + loginMaxFailures
        + ", loginMaxFailuresPerAddress="
        + loginMaxFailuresPerAddress
        + ", loginFailureWindow="
        + loginFailureWindow
        + ", passwordHashThreads="
        + passwordHashThreads
        + ", bootstrapAdminUsername="
        + bootstrapAdminUsername
        + ", bootstrapAdminPassword="
        + bootstrapAdminPassword.map(secret -> "***").orElse("(none)")
        + "]";
  }
}
