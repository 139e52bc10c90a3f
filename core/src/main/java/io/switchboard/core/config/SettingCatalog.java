package io.switchboard.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting Switchboard knows, with its default and meaning. Loading rejects keys that are not
 * here, so a typo fails at start instead of being ignored. The README's configuration table is
 * checked against this list.
 */
public final class SettingCatalog {

  public static final List<SettingKey> ALL =
      List.of(
          new SettingKey(
              "mode",
              "dev",
              "`dev` starts embedded PostgreSQL and Redis for whichever of `postgres.url` and"
                  + " `redis.url` is empty; `production` requires both."),
          new SettingKey(
              "data.dir", "data", "Directory for the embedded servers' data in dev mode."),
          new SettingKey("http.host", "0.0.0.0", "Address the HTTP server listens on."),
          new SettingKey("http.port", "8080", "HTTP port; 0 picks a free port."),
          new SettingKey(
              "http.max-body-size", "1048576", "Largest accepted HTTP request body, in bytes."),
          new SettingKey(
              "postgres.url",
              "",
              "`postgresql://user:password@host:5432/database`. Empty in dev mode: embedded."),
          new SettingKey("postgres.pool-size", "10", "Connections in the PostgreSQL pool."),
          new SettingKey(
              "postgres.max-wait-queue",
              "1000",
              "Queries that may wait for a pooled connection before new ones are refused."),
          new SettingKey(
              "postgres.connect-timeout", "5s", "Time allowed to open one PostgreSQL connection."),
          new SettingKey(
              "redis.url",
              "",
              "`redis://[:password@]host:6379[/database]`. Empty in dev mode: embedded."),
          new SettingKey(
              "redis.key-prefix",
              "switchboard:",
              "Prefix of every Redis key Switchboard writes, so that one Redis can serve several"
                  + " installations."),
          new SettingKey(
              "redis.command-timeout", "2s", "Time allowed for one Redis command to answer."),
          new SettingKey(
              "ami.servers",
              "",
              "Asterisk servers, comma-separated `id=ami://user:secret@host:5038`. The id is"
                  + " stored on every call record."),
          new SettingKey(
              "health.check-timeout",
              "2s",
              "Time a dependency has to answer a readiness check before it counts as down."),
          new SettingKey(
              "shutdown.timeout",
              "8s",
              "Time allowed to drain and close everything on SIGTERM before exiting."),
          new SettingKey("log.format", "text", "`text` for people, `json` for log collectors."),
          new SettingKey(
              "log.level",
              "INFO",
              "Level of Switchboard's own loggers: ERROR, WARN, INFO, DEBUG or TRACE."),
          new SettingKey(
              "crm.default-region",
              "CN",
              "Country (ISO 3166 code) whose national formats a phone number without a country"
                  + " code is read in, e.g. `013800138000`."));

  private static final Map<String, SettingKey> BY_KEY = index();

  private SettingCatalog() {}

  /** The known setting with this key, if there is one. */
  public static Optional<SettingKey> find(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The built-in defaults, as a flat map from key to value. */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    ALL.forEach(setting -> defaults.put(setting.key(), setting.defaultValue()));
    return defaults;
  }

  private static Map<String, SettingKey> index() {
    Map<String, SettingKey> byKey = new LinkedHashMap<>();
    ALL.forEach(setting -> byKey.put(setting.key(), setting));
    return Map.copyOf(byKey);
  }
}
