package io.switchboard.deploy;

import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.RedisAddress;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** URLs, with credentials, for handing test services to a server process as settings. */
public final class ServiceUrls {

  private ServiceUrls() {}

  /**
   * The environment of a production-mode node on a free HTTP port using these services, with the
   * bootstrap admin's password and {@code more} settings.
   */
  public static Map<String, String> productionEnvironment(
      TestDatabase database, TestRedis redis, String adminPassword, Map<String, String> more) {
    Map<String, String> environment = new HashMap<>(more);
    environment.put("SWITCHBOARD_MODE", "production");
    environment.put("SWITCHBOARD_HTTP_PORT", "0");
    environment.put("SWITCHBOARD_POSTGRES_URL", postgres(database.address()));
    environment.put("SWITCHBOARD_REDIS_URL", redis(redis.address()));
    environment.put("SWITCHBOARD_REDIS_KEY_PREFIX", redis.keyPrefix());
    environment.put("SWITCHBOARD_SECURITY_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    return Map.copyOf(environment);
  }

  public static String postgres(PostgresAddress address) {
    String password =
        address.password() == null
            ? ""
            : ":" + URLEncoder.encode(address.password(), StandardCharsets.UTF_8);
    return "postgresql://"
        + address.user()
        + password
        + "@"
        + address.host()
        + ":"
        + address.port()
        + "/"
        + address.database();
  }

  public static String redis(RedisAddress address) {
    String credentials =
        address.password() == null
            ? ""
            : (address.user() == null ? "" : address.user())
                + ":"
                + URLEncoder.encode(address.password(), StandardCharsets.UTF_8)
                + "@";
    return (address.tls() ? "rediss://" : "redis://")
        + credentials
        + address.host()
        + ":"
        + address.port()
        + "/"
        + address.database();
  }
}
