package io.switchboard.crm.bench;

import io.switchboard.core.config.PostgresSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.http.CrmApi;
import io.switchboard.crm.persistence.CrmRepositories;
import io.switchboard.crm.persistence.CustomerLookupSql;
import io.switchboard.crm.security.Permission;
import io.switchboard.crm.security.Principal;
import io.switchboard.crm.security.Role;
import io.switchboard.crm.security.RouteGuard;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Loads generated customers and measures lookup by phone (the screen pop) two ways against the same
 * database, side by side: through the REST API (a Vert.x HTTP client keeping a fixed number of
 * requests in flight) and the same SQL run by pgbench. Not a test: it prints figures.
 *
 * <p>Arguments (all optional): {@code --customers N} (1000000), {@code --seconds S} per phase (20),
 * {@code --connections C} (database connections for both, 8), {@code --in-flight F} (HTTP requests
 * in flight, 32), {@code --pgbench PATH}. The PostgreSQL server is the test one ({@code
 * SWITCHBOARD_TEST_PG_URL}, else embedded).
 */
public final class LookupBenchmark {

  private static final int ROUNDS = 2;

  private LookupBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    TestDatabase database = TestDatabase.create();
    Vertx vertx = Vertx.vertx();
    try {
      long started = System.nanoTime();
      load(database, options.customers());
      System.out.printf(
          "loaded %,d customers with one mobile number each in %.1f s%n",
          options.customers(), (System.nanoTime() - started) / 1e9);
      Path script = script(options);
      // Two rounds, alternating, so that neither side always runs while the server is busiest
      // (the checkpoint after the load, autovacuum, other work on the machine).
      for (int round = 1; round <= ROUNDS; round++) {
        BenchResult api = throughApi(vertx, database, options);
        BenchResult pgbench = PgbenchRun.run(database.address(), options, script);
        System.out.printf("%nround %d of %d", round, ROUNDS);
        print(options, api, pgbench);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      database.close();
    }
  }

  /** Customers 1..N, each with the number +86 138 NNNNNNNN, loaded by generate_series. */
  private static void load(TestDatabase database, int customers) throws Exception {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO users (username, display_name) VALUES ('bench', 'Bench')");
      statement.execute(
          "INSERT INTO customers (kind, name, vip, customer_type, value_tier)"
              + " SELECT CASE WHEN g % 5 = 0 THEN 'organization' ELSE 'individual' END,"
              + " 'Customer ' || g, g % 50 = 0,"
              + " (ARRAY['direct', 'partner', 'supplier', 'reseller'])[1 + g % 4],"
              + " (ARRAY['a', 'b', 'c'])[1 + g % 3] FROM generate_series(1, "
              + customers
              + ") g");
      statement.execute(
          "INSERT INTO phone_numbers (customer_id, e164, as_entered, label)"
              + " SELECT id, '+86138' || lpad(id::text, 8, '0'),"
              + " '138 ' || lpad(id::text, 8, '0'), 'mobile' FROM customers");
      statement.execute("VACUUM ANALYZE");
      statement.execute("CHECKPOINT");
    }
  }

  private static BenchResult throughApi(Vertx vertx, TestDatabase database, BenchOptions options)
      throws Exception {
    PostgresSettings defaults = database.settings();
    PostgresDatabase postgres =
        PostgresDatabase.open(
            vertx,
            new PostgresSettings(
                defaults.address(),
                options.connections(),
                defaults.lookupPoolSize(),
                defaults.maxWaitQueue(),
                defaults.connectTimeout()));
    CrmApi api =
        new CrmApi(
            vertx,
            CrmRepositories.over(postgres),
            new PhoneNormalizer("CN"),
            new AllowAll(),
            (principal, customerId, view) -> Future.succeededFuture(view));
    Router root = Router.router(vertx);
    root.route(CrmApi.BASE_PATH + "/*").subRouter(api.router());
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(root)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    try {
      HttpLoad load = new HttpLoad(vertx, server.actualPort(), options);
      load.run(Duration.ofSeconds(Math.min(5, options.seconds())));
      return load.run(Duration.ofSeconds(options.seconds()));
    } finally {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      postgres.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** The pgbench script: the API's lookup statement with a random customer's number. */
  private static Path script(BenchOptions options) throws Exception {
    String sql =
        CustomerLookupSql.LOOKUP
            .replace("$1", "('+86138' || lpad(:n::text, 8, '0'))")
            .replace("$2", "1")
            .replace("$3", "10");
    Path file = Files.createTempFile("lookup", ".pgbench");
    Files.writeString(file, "\\set n random(1, " + options.customers() + ")\n" + sql + ";\n");
    file.toFile().deleteOnExit();
    return file;
  }

  private static void print(BenchOptions options, BenchResult api, BenchResult pgbench) {
    System.out.printf(
        "%nlookup by phone, %,d customers, %d s, %d database connections%n",
        options.customers(), options.seconds(), options.connections());
    System.out.printf("%-34s %12s %10s %10s %10s%n", "", "lookups/s", "p50 ms", "p99 ms", "errors");
    System.out.printf(
        "%-34s %12.0f %10.2f %10.2f %10d%n",
        "REST API (" + options.inFlight() + " in flight)",
        api.perSecond(),
        api.p50Millis(),
        api.p99Millis(),
        api.errors());
    System.out.printf(
        "%-34s %12.0f %10.2f %10.2f %10d%n",
        "pgbench, same SQL (" + options.connections() + " clients)",
        pgbench.perSecond(),
        pgbench.p50Millis(),
        pgbench.p99Millis(),
        pgbench.errors());
    System.out.printf(
        "REST API throughput = %.0f%% of pgbench's (aim: at least 70%%)%n",
        100 * api.perSecond() / pgbench.perSecond());
  }

  /** Lets every request through as user 1 (the benchmark measures the lookup, not the guard). */
  private static final class AllowAll implements RouteGuard {
    private static final Principal BENCH = new Principal(1, "bench", Set.of(Role.SUPERVISOR));

    @Override
    public Handler<RoutingContext> authenticated() {
      return context -> {
        context.put(Principal.CONTEXT_KEY, BENCH);
        context.next();
      };
    }

    @Override
    public Handler<RoutingContext> require(Permission permission) {
      return RoutingContext::next;
    }
  }
}
