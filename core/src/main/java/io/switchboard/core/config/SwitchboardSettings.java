package io.switchboard.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of a Switchboard node, typed and validated. Built once at start by {@link
 * #from(RawSettings)} and passed down through constructors; never changed afterwards.
 */
public record SwitchboardSettings(
    Mode mode,
    Path dataDir,
    HttpSettings http,
    PostgresSettings postgres,
    RedisSettings redis,
    List<AmiServerSettings> amiServers,
    AmiClientSettings amiClient,
    SecuritySettings security,
    CallLogSettings callLog,
    Duration healthCheckTimeout,
    Duration shutdownTimeout,
    LogSettings log,
    CrmSettings crm,
    DevSettings dev,
    ConsoleSettings console,
    DialerSettings dialer) {

  /**
   * Reads and checks every setting.
   *
   * @throws InvalidSettingException naming the first bad key and what is wrong with it
   */
  public static SwitchboardSettings from(RawSettings raw) {
    Mode mode = raw.choice("mode", Mode.class);
    PostgresSettings postgres = PostgresSettings.from(raw);
    RedisSettings redis = RedisSettings.from(raw);
    if (mode == Mode.PRODUCTION && postgres.address().isEmpty()) {
      throw raw.invalid("postgres.url", "is required in production mode");
    }
    if (mode == Mode.PRODUCTION && redis.address().isEmpty()) {
      throw raw.invalid("redis.url", "is required in production mode");
    }
    List<AmiServerSettings> amiServers;
    try {
      amiServers = AmiServerSettings.parseList(raw.text("ami.servers"));
    } catch (IllegalArgumentException bad) {
      throw raw.invalid("ami.servers", bad.getMessage());
    }
    Path dataDir = Path.of(raw.required("data.dir"));
    return new SwitchboardSettings(
        mode,
        dataDir,
        HttpSettings.from(raw),
        postgres,
        redis,
        amiServers,
        AmiClientSettings.from(raw),
        SecuritySettings.from(raw),
        CallLogSettings.from(raw, dataDir),
        raw.duration("health.check-timeout", Duration.ofMillis(100), Duration.ofMinutes(1)),
        raw.duration("shutdown.timeout", Duration.ofSeconds(1), Duration.ofMinutes(5)),
        LogSettings.from(raw),
        CrmSettings.from(raw),
        DevSettings.from(raw),
        ConsoleSettings.from(raw),
        DialerSettings.from(raw));
  }

  /**
   * These settings with the PostgreSQL settings replaced (dev mode fills in the embedded server).
   */
  public SwitchboardSettings withPostgres(PostgresSettings newPostgres) {
    return new SwitchboardSettings(
        mode,
        dataDir,
        http,
        newPostgres,
        redis,
        amiServers,
        amiClient,
        security,
        callLog,
        healthCheckTimeout,
        shutdownTimeout,
        log,
        crm,
        dev,
        console,
        dialer);
  }

  /** These settings with the Redis settings replaced (dev mode fills in the embedded server). */
  /** The same settings with other Asterisk servers (dev mode's simulator). */
  public SwitchboardSettings withAmiServers(List<AmiServerSettings> servers) {
    return new SwitchboardSettings(
        mode,
        dataDir,
        http,
        postgres,
        redis,
        List.copyOf(servers),
        amiClient,
        security,
        callLog,
        healthCheckTimeout,
        shutdownTimeout,
        log,
        crm,
        dev,
        console,
        dialer);
  }

  public SwitchboardSettings withRedis(RedisSettings newRedis) {
    return new SwitchboardSettings(
        mode,
        dataDir,
        http,
        postgres,
        newRedis,
        amiServers,
        amiClient,
        security,
        callLog,
        healthCheckTimeout,
        shutdownTimeout,
        log,
        crm,
        dev,
        console,
        dialer);
  }
}
