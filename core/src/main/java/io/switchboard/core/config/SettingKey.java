package io.switchboard.core.config;

import java.util.Locale;

/**
 * One known setting: its dotted key, its built-in default and what it means. The environment
 * variable that overrides it is derived from the key ({@code http.port} -> {@code
 * SWITCHBOARD_HTTP_PORT}).
 */
public record SettingKey(String key, String defaultValue, String description) {

  /** Prefix of every environment variable that sets a Switchboard setting. */
  public static final String ENV_PREFIX = "SWITCHBOARD_";

  /** The environment variable that overrides this setting. */
  public String environmentVariable() {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
