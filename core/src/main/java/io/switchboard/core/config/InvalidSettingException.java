package io.switchboard.core.config;

/**
 * A setting that cannot be used: it names the key, the value and where it came from, and says what
 * is wrong, in one line that an operator can act on.
 */
public final class InvalidSettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public InvalidSettingException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  /** The dotted key of the bad setting, such as {@code http.port}. */
  public String key() {
    return key;
  }
}
