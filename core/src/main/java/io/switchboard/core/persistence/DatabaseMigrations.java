package io.switchboard.core.persistence;

import io.switchboard.core.SuppressForbidden;
import io.switchboard.core.config.PostgresAddress;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway, from the versioned scripts in {@code
 * db/migration} on the classpath (in {@code core}). An applied script is never edited; a change is
 * a new script. Runs over JDBC, so it blocks: call it at start, before the event loops take work.
 */
public final class DatabaseMigrations {

  /** Classpath location of the migration scripts. */
  public static final String LOCATION = "classpath:db/migration";

  private DatabaseMigrations() {}

  /**
   * Applies every pending migration and returns how many ran. Retries the first connection a few
   * times, so a database that is still starting does not fail the node.
   */
  @SuppressForbidden(reason = "start-up work over JDBC, run before any event loop takes work")
  public static int migrate(PostgresAddress address) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(address.jdbcUrl(), address.user(), address.password())
            .locations(LOCATION)
            .connectRetries(3)
            .connectRetriesInterval(2)
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .load();
    MigrateResult result = flyway.migrate();
    return result.migrationsExecuted;
  }
}
