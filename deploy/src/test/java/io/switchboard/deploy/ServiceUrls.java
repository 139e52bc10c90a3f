package io.switchboard.deploy;

import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.RedisAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URLs, with credentials, for handing test services to a server process as settings. */
public final class ServiceUrls {

  private ServiceUrls() {}

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
