package io.switchboard.deploy.lifecycle;

import io.switchboard.core.config.Mode;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.embedded.EmbeddedPostgresServer;
import io.switchboard.core.embedded.EmbeddedRedisServer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's embedded servers: a real PostgreSQL and a real Redis, started for whichever of {@code
 * postgres.url} and {@code redis.url} is empty, with their data under {@code data.dir} so that a
 * restart keeps it. In production mode, or with both URLs set, it starts nothing.
 */
final class DevServices implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevServices.class);

  /** The database dev mode creates on its embedded PostgreSQL. */
  static final String DATABASE = "switchboard";

  private EmbeddedPostgresServer postgres;
  private EmbeddedRedisServer redis;
  private DevPbxSimulator pbx;

  /** Starts what the settings lack and returns the settings pointed at it. */
  SwitchboardSettings startMissing(SwitchboardSettings settings) {
    if (settings.mode() != Mode.DEV) {
      return settings;
    }
    SwitchboardSettings resolved = settings;
    if (settings.postgres().address().isEmpty()) {
      postgres = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"));
      postgres.createDatabaseIfMissing(DATABASE);
      resolved = resolved.withPostgres(settings.postgres().withAddress(postgres.address(DATABASE)));
      LOG.info("Started embedded PostgreSQL on 127.0.0.1:{}", postgres.port());
    }
    if (settings.redis().address().isEmpty()) {
      redis = EmbeddedRedisServer.start(settings.dataDir().resolve("redis"));
      resolved = resolved.withRedis(settings.redis().withAddress(redis.address()));
      LOG.info("Started embedded Redis on 127.0.0.1:{}", redis.port());
    }
    if (settings.amiServers().isEmpty() && settings.dev().pbxSimRate().isPresent()) {
      String rate = settings.dev().pbxSimRate().get();
      pbx = DevPbxSimulator.start(rate);
      resolved = resolved.withAmiServers(pbx.servers());
      LOG.info("Started the PBX simulator on 127.0.0.1:{} with calls at {}", pbx.port(), rate);
    }
    return resolved;
  }

  /** One phrase for the start-up line: what runs embedded and where its data lives. */
  String describe(SwitchboardSettings settings) {
    List<String> embedded = new ArrayList<>();
    if (postgres != null) {
      embedded.add("PostgreSQL");
    }
    if (redis != null) {
      embedded.add("Redis");
    }
    if (pbx != null) {
      embedded.add("the PBX simulator");
    }
    if (embedded.isEmpty()) {
      return "";
    }
    return "embedded "
        + String.join(", ", embedded)
        + ", data in "
        + settings.dataDir().toAbsolutePath().normalize();
  }

  /** Stops the embedded servers, Redis first; their data stays. */
  @Override
  public void close() {
    if (pbx != null) {
      pbx.close();
      pbx = null;
    }
    if (redis != null) {
      redis.close();
      redis = null;
    }
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }
}
