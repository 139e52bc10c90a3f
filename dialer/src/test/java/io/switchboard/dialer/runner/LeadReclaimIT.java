package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.dialer.DialerModule;
import io.switchboard.dialer.campaign.CampaignInput;
import io.switchboard.dialer.campaign.StatusChange;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinishedAttempt;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadDraft;
import io.switchboard.dialer.persistence.DialerRepositories;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leads a runner that died left {@code dialing} are given back when the next runner starts, before
 * its first tick: a failed attempt each, then the campaign's retry rules. Real PostgreSQL; no PBX
 * is needed because the campaigns are paused when the runner starts (it dials nothing).
 */
class LeadReclaimIT {

  private static final Instant START = Instant.parse("2025-03-12T06:00:00Z");

  private static Vertx vertx;
  private static TestDatabase database;
  private static PostgresDatabase postgres;
  private static final SetClock CLOCK = new SetClock(START);

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
  void leadsADeadRunnerLeftDialingGetAFailedAttemptAndTheirRetryRulesWhenTheRunnerStarts() {
    SwitchboardSettings settings = SwitchboardSettings.from(RawSettings.defaults());
    DialerModule tables = await(DialerModule.start(vertx, postgres, settings, CLOCK));
    DialerRepositories repositories = tables.repositories();
    long retried = campaign(repositories, settings, 2, 4);
    long finished = campaign(repositories, settings, 1, 1);
    long preview = campaign(repositories, settings, 1, 1, "preview");
    List<Lead> held = new ArrayList<>();
    held.addAll(await(repositories.selection().next(retried, 3)).leads());
    held.addAll(await(repositories.selection().next(finished, 1)).leads());
    assertThat(held).hasSize(4);
    long offered = await(repositories.selection().next(preview, 1)).leads().get(0).id();
    // The runner that held them died; the campaigns were paused meanwhile.
    await(repositories.campaigns().changeStatus(retried, StatusChange.PAUSE, null));
    await(repositories.campaigns().changeStatus(finished, StatusChange.PAUSE, null));
    await(repositories.campaigns().changeStatus(preview, StatusChange.PAUSE, null));
    CLOCK.now = START.plusSeconds(90);

    DialerModule runner =
        await(
            DialerModule.start(
                vertx,
                postgres,
                settings,
                CLOCK,
                RunnerSettings.defaults().withTick(Duration.ofMillis(100))));
    try {
      // The runner's deployment completes after the reclaim, before its first tick.
      assertThat(query("SELECT count(*) FROM leads WHERE status = 'dialing'")).containsExactly("0");
      assertThat(
              query(
                  "SELECT a.outcome || ' ' || a.reason || ' ' || a.originate_id || ' '"
                      + " || a.attempt || ' ' || (a.ended_at = '"
                      + START.plusSeconds(90)
                      + "') || ' ' || (a.started_at = '"
                      + START
                      + "') FROM lead_attempts a ORDER BY a.lead_id"))
          .containsExactlyElementsOf(
              held.stream()
                  .map(
                      lead ->
                          "failed runner restarted; call lost c"
                              + lead.campaignId()
                              + "-l"
                              + lead.id()
                              + "-a1 1 true true")
                  .toList());
      assertThat(
              query(
                  "SELECT status || ' ' || attempts || ' ' || failed_attempts || ' '"
                      + " || (next_attempt_at = '"
                      + START.plusSeconds(90).plus(Duration.ofMinutes(4))
                      + "') FROM leads WHERE campaign_id = "
                      + retried
                      + " ORDER BY id"))
          .as("the failed rule (4 min, 2 attempts) makes them due again in 4 minutes")
          .containsExactly("ready 1 1 true", "ready 1 1 true", "ready 1 1 true", "ready 0 0 false");
      assertThat(
              query(
                  "SELECT status || ' ' || final_state FROM leads WHERE id = " + held.get(3).id()))
          .as("the failed rule allows one attempt: the lead is finished")
          .containsExactly("done max_attempts");
      assertThat(query("SELECT status || ' ' || attempts FROM leads WHERE id = " + offered))
          .as("a preview lead was only offered, maybe: released without an attempt")
          .containsExactly("ready 0");
      theOldRunnersLateRecordIsRefused(repositories, held.get(0));
    } finally {
      await(runner.close());
    }
  }

  /**
   * The runner that held a reclaimed lead (alive after all, e.g. a leader that lost its lease) ends
   * its call and records it: refused, so the dial is not counted twice.
   */
  private static void theOldRunnersLateRecordIsRefused(DialerRepositories repositories, Lead lead) {
    Future<?> late =
        repositories
            .attempts()
            .record(
                new FinishedAttempt(
                    lead.id(),
                    START,
                    null,
                    null,
                    START.plusSeconds(95),
                    AttemptOutcome.NO_ANSWER,
                    null,
                    "the old runner's own end of the call",
                    null,
                    "c" + lead.campaignId() + "-l" + lead.id() + "-a1"));
    assertThatThrownBy(() -> await(late)).hasMessageContaining("not reserved for a dial any more");
    assertThat(query("SELECT count(*) FROM lead_attempts WHERE lead_id = " + lead.id()))
        .containsExactly("1");
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
            .put("name", "reclaim-" + System.nanoTime())
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
    await(repositories.campaigns().changeStatus(id, StatusChange.START, null));
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
