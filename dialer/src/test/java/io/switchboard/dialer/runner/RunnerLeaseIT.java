package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.dialer.DialerModule;
import io.switchboard.dialer.campaign.CampaignInput;
import io.switchboard.dialer.campaign.StatusChange;
import io.switchboard.dialer.lead.LeadDraft;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.switchboard.dialer.persistence.RunnerLeaseRepository;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner lease keeps the dialer's runner to one node: two runners on one database, the second
 * stands by (no reclaim, no dial) until the first stops or loses its lease connection, then takes
 * the lease and reclaims what was left dialing. Real PostgreSQL; the campaign is paused, so no PBX
 * is needed (the runners dial nothing); the first runner's calls under way are leads set {@code
 * dialing} directly.
 */
class RunnerLeaseIT {

  private static final Instant START = Instant.parse("2025-03-12T06:00:00Z");
  private static final String REASON = "failed runner restarted; call lost";

  private static Vertx vertx;
  private static TestDatabase database;
  private static PostgresDatabase postgres;
  private static final SetClock CLOCK = new SetClock(START);
  private static final SwitchboardSettings SETTINGS =
      SwitchboardSettings.from(RawSettings.defaults());
  private static final RunnerSettings RUNNER =
      RunnerSettings.defaults()
          .withTick(Duration.ofMillis(100))
          .withLeaseRetry(Duration.ofMillis(300));

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    database = TestDatabase.create();
    query(
        "INSERT INTO users (id, username, display_name) OVERRIDING SYSTEM VALUE VALUES (1, 'admin', 'Admin')");
    postgres = PostgresDatabase.open(vertx, database.settings());
  }

  @AfterAll
  static void stop() {
    try {
      if (postgres != null) {
        await(postgres.close());
      }
      await(vertx.close());
    } finally {
      database.close();
    }
  }

  @Test
  void aSecondRunnerStandsByWithoutReclaimingAndTakesOverWhenTheFirstStops() throws Exception {
    DialerRepositories repositories =
        await(DialerModule.start(vertx, postgres, SETTINGS, CLOCK)).repositories();
    long campaign = campaign(repositories, SETTINGS, 2, 4);
    DialerModule first = await(DialerModule.start(vertx, postgres, SETTINGS, CLOCK, RUNNER));
    DialerModule second = null;
    try {
      assertThat(lockHolders()).as("the first runner leads").isEqualTo(1);
      List<String> held = dialing(campaign, 2);

      long before = System.nanoTime();
      second = await(DialerModule.start(vertx, postgres, SETTINGS, CLOCK, RUNNER));
      assertThat(Duration.ofNanos(System.nanoTime() - before))
          .as("standing by, the deployment completes at once")
          .isLessThan(Duration.ofSeconds(5));
      Thread.sleep(RUNNER.leaseRetry().multipliedBy(5).toMillis());
      assertThat(lockHolders()).as("still one lease holder").isEqualTo(1);
      assertThat(query("SELECT status FROM leads WHERE id IN (" + String.join(",", held) + ")"))
          .as("the first runner's calls under way are not reclaimed by the one standing by")
          .containsExactly("dialing", "dialing");
      assertThat(query("SELECT count(*) FROM lead_attempts WHERE campaign_id = " + campaign))
          .containsExactly("0");

      await(first.close());
      first = null;
      eventually(
          () ->
              query(
                  "SELECT outcome || ' ' || reason FROM lead_attempts WHERE campaign_id = "
                      + campaign
                      + " ORDER BY lead_id"),
          List.of(REASON, REASON),
          "the second runner takes the lease and reclaims the first's leads");
      assertThat(query("SELECT status FROM leads WHERE id IN (" + String.join(",", held) + ")"))
          .containsExactly("ready", "ready");
      assertThat(lockHolders()).as("the second runner leads").isEqualTo(1);
    } finally {
      if (first != null) {
        await(first.close());
      }
      if (second != null) {
        await(second.close());
      }
    }
    assertThat(lockHolders()).as("a stopped runner gives the lease up").isZero();
  }

  @Test
  void aRunnerWhoseLeaseConnectionDiesTakesTheLeaseAgainAndReclaimsFirst() throws Exception {
    DialerRepositories repositories =
        await(DialerModule.start(vertx, postgres, SETTINGS, CLOCK)).repositories();
    long campaign = campaign(repositories, SETTINGS, 2, 4);
    DialerModule runner = await(DialerModule.start(vertx, postgres, SETTINGS, CLOCK, RUNNER));
    try {
      assertThat(lockHolders()).isEqualTo(1);
      List<String> held = dialing(campaign, 1);
      Thread.sleep(RUNNER.leaseRetry().multipliedBy(3).toMillis());
      assertThat(query("SELECT count(*) FROM lead_attempts WHERE lead_id = " + held.get(0)))
          .as("leading, the runner does not reclaim again")
          .containsExactly("0");

      assertThat(
              query(
                  "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                      + " AND objid = "
                      + (RunnerLeaseRepository.KEY & 0xFFFF_FFFFL)))
          .containsExactly("t");
      eventually(
          () ->
              query(
                  "SELECT outcome || ' ' || reason FROM lead_attempts WHERE lead_id = "
                      + held.get(0)),
          List.of(REASON),
          "the runner takes the lease again on a new connection and reclaims first");
      assertThat(lockHolders()).isEqualTo(1);
    } finally {
      await(runner.close());
    }
  }

  /** Sessions holding the runner lease's advisory lock. */
  private static int lockHolders() {
    return Integer.parseInt(
        query(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND objid = "
                    + (RunnerLeaseRepository.KEY & 0xFFFF_FFFFL)
                    + " AND classid = "
                    + (RunnerLeaseRepository.KEY >>> 32))
            .get(0));
  }

  /** Sets {@code count} leads of the campaign dialing, as a runner's calls under way are. */
  private static List<String> dialing(long campaign, int count) {
    return query(
        "UPDATE leads SET status = 'dialing', reserved_at = '"
            + START
            + "' WHERE id IN (SELECT id FROM leads WHERE campaign_id = "
            + campaign
            + " AND status = 'ready' ORDER BY id LIMIT "
            + count
            + ") RETURNING id");
  }

  private static void eventually(Supplier<List<String>> read, List<String> expected, String why)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!read.get().equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(read.get()).as(why).isEqualTo(expected);
  }

  /** A progressive campaign with 4 leads whose failed rule is {maxAttempts, delayMinutes}. */
  private static long campaign(
      DialerRepositories repositories, SwitchboardSettings settings, int maxFailed, int delay) {
    return campaign(repositories, settings, maxFailed, delay, "progressive");
  }

  /** A campaign in {@code mode} with 4 leads and that failed rule, started. */
  private static long campaign(
      DialerRepositories repositories,
      SwitchboardSettings settings,
      int maxFailed,
      int delay,
      String mode) {
    JsonObject rule = new JsonObject().put("delayMinutes", delay).put("maxAttempts", maxFailed);
    JsonObject body =
        new JsonObject()
            .put("name", "lease-" + System.nanoTime())
            .put("mode", mode)
            .put("queue", "sales")
            .put("callerId", "+86 10 6552 9988")
            .put(
                "callingWindow",
                new JsonObject()
                    .put("start", "09:00")
                    .put("end", "21:00")
                    .put(
                        "days",
                        new JsonArray(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"))))
            .put("retryRules", new JsonObject().put("failed", rule))
            .put("accounting", "us")
            .put("abandonMessage", "custom/abandon-notice");
    long id =
        await(
                repositories
                    .campaigns()
                    .create(1, new CampaignInput(PhoneNormalizer.from(settings.crm())).read(body)))
            .id();
    List<LeadDraft> drafts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      drafts.add(
          new LeadDraft(
              i + 2,
              String.format("+86138%08d", id * 100 + i),
              "Lead " + i,
              null,
              ZoneId.of("Asia/Shanghai")));
    }
    await(repositories.leads().importList(id, 1, "it", 4, 0, drafts, CLOCK.instant()));
    // Started, then paused: its leads can be reserved, the runners dial none of them.
    await(repositories.campaigns().changeStatus(id, StatusChange.START, null));
    await(repositories.campaigns().changeStatus(id, StatusChange.PAUSE, null));
    return id;
  }

  /** A clock the test sets. */
  private static final class SetClock extends Clock {
    volatile Instant now;

    SetClock(Instant start) {
      now = start;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }

  /** The first column of every row (blocking JDBC, test thread only); DDL and DML return none. */
  private static List<String> query(String sql) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      List<String> values = new ArrayList<>();
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          while (rows.next()) {
            values.add(rows.getString(1));
          }
        }
      }
      return values;
    } catch (java.sql.SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }
}
