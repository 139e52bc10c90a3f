package io.switchboard.dialer.http;

import static io.switchboard.dialer.http.CampaignBodies.mobile;
import static io.switchboard.dialer.http.DialerTestServer.ADMIN;
import static io.switchboard.dialer.http.DialerTestServer.START;
import static io.switchboard.dialer.http.DialerTestServer.SUPERVISOR;
import static io.switchboard.dialer.http.DialerTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.dialer.compliance.LeadSkip;
import io.switchboard.dialer.compliance.SkipReason;
import io.switchboard.dialer.lead.AmdVerdict;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinishedAttempt;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.persistence.LeadSelectionRepository.Selection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The next-leads query against real PostgreSQL: due leads in order (callbacks first), each checked
 * for compliance in the same transaction; refused ones skipped with their reason in the skip log
 * and not looked at again before they may be dialled; rows another runner holds are skipped, not
 * waited for.
 */
@ExtendWith(VertxExtension.class)
class LeadSelectionIT {

  private static DialerTestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = DialerTestServer.start(vertx);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** Each test has campaigns and numbers of its own; only the clock is shared. */
  @BeforeEach
  void resetClock() {
    server.clock.set(START);
  }

  @Test
  void nonDialableLeadsAreSkippedWithTheirReasonsAndTheRestReserved() {
    // 06:00 UTC on a Wednesday: 14:00 in Shanghai, 02:00 in New York.
    long campaign = runningCampaign();
    String good = mobile();
    String listed = mobile();
    String excluded = mobile();
    String locked = mobile();
    String newYork = "+12125551234";
    Map<String, Long> leads = importLeads(campaign, good, listed, excluded, locked, newYork);
    server.execute(
        "INSERT INTO do_not_call (e164, reason) VALUES ('"
            + listed
            + "', 'asked not to be called')");
    server.post(
        "/campaigns/" + campaign + "/exclusions",
        SUPERVISOR,
        new JsonObject().put("phone", excluded).put("reason", "existing client"));
    Instant abandonedAt = abandonInAnotherCampaign(locked);

    Selection selection = await(server.repositories.selection().next(campaign, 10));

    assertThat(selection.leads()).extracting(Lead::e164).containsExactly(good);
    assertThat(selection.leads().get(0).status().wireName()).isEqualTo("dialing");
    Map<String, SkipReason> reasons = new HashMap<>();
    for (LeadSkip skip : selection.skipped()) {
      reasons.put(phoneOf(leads, skip.leadId()), skip.reason());
    }
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                listed, SkipReason.DO_NOT_CALL,
                excluded, SkipReason.EXCLUDED,
                locked, SkipReason.RECALL_LOCK_ABANDONED,
                newYork, SkipReason.OUTSIDE_WINDOW));

    JsonObject dnc = server.get("/leads/" + leads.get(listed), ADMIN).json();
    assertThat(dnc.getString("status")).isEqualTo("done");
    assertThat(dnc.getString("finalState")).isEqualTo("do_not_call");
    JsonArray dncSkips = skips(leads.get(listed));
    assertThat(dncSkips).hasSize(1);
    assertThat(dncSkips.getJsonObject(0).getString("detail")).contains("asked not to be called");
    assertThat(dncSkips.getJsonObject(0).getValue("until")).isNull();
    JsonObject lockedLead = server.get("/leads/" + leads.get(locked), ADMIN).json();
    assertThat(lockedLead.getString("status")).isEqualTo("ready");
    assertThat(lockedLead.getString("nextAttemptAt"))
        .isEqualTo(abandonedAt.plus(Duration.ofHours(72)).toString());
    JsonObject outside = skips(leads.get(newYork)).getJsonObject(0);
    assertThat(outside.getString("until")).isEqualTo("2025-03-12T13:00:00Z");
    assertThat(outside.getString("detail")).contains("America/New_York");
  }

  @Test
  void aSkippedLeadIsNotLookedAtAgainUntilItMayBeDialled() {
    long campaign = runningCampaign();
    String newYork = "+12125551234";
    Map<String, Long> leads = importLeads(campaign, newYork);

    Selection first = await(server.repositories.selection().next(campaign, 10));
    Selection again = await(server.repositories.selection().next(campaign, 10));
    server.clock.set(Instant.parse("2025-03-12T13:00:00Z"));
    Selection opened = await(server.repositories.selection().next(campaign, 10));

    assertThat(first.skipped()).hasSize(1);
    assertThat(again.leads()).isEmpty();
    assertThat(again.skipped()).as("no second skip row for the same closed window").isEmpty();
    assertThat(opened.leads()).extracting(Lead::id).containsExactly(leads.get(newYork));
    assertThat(skips(leads.get(newYork))).hasSize(1);
  }

  @Test
  void dueCallbacksComeFirstThenLeadsByTheirNextAttempt() {
    long campaign = runningCampaign();
    String early = mobile();
    String late = mobile();
    String callback = mobile();
    Map<String, Long> leads = importLeads(campaign, early, late, callback);
    server.execute(
        "UPDATE leads SET next_attempt_at = '2025-03-12T05:00:00Z' WHERE id = " + leads.get(early),
        "UPDATE leads SET next_attempt_at = '2025-03-12T05:30:00Z' WHERE id = " + leads.get(late),
        "UPDATE leads SET next_attempt_at = '2025-03-12T05:50:00Z', callback = true WHERE id = "
            + leads.get(callback));

    Selection first = await(server.repositories.selection().next(campaign, 1));
    Selection rest = await(server.repositories.selection().next(campaign, 5));

    assertThat(first.leads()).extracting(Lead::e164).containsExactly(callback);
    assertThat(rest.leads()).extracting(Lead::e164).containsExactly(early, late);
  }

  @Test
  void aLeadAnotherRunnerHoldsIsSkippedWithoutWaiting() throws Exception {
    long campaign = runningCampaign();
    String held = mobile();
    String free = mobile();
    Map<String, Long> leads = importLeads(campaign, held, free);

    List<Lead> picked;
    try (Connection other = server.database.connect()) {
      other.setAutoCommit(false);
      try (Statement lock = other.createStatement()) {
        lock.execute("SELECT id FROM leads WHERE id = " + leads.get(held) + " FOR UPDATE");
        picked = await(server.repositories.selection().next(campaign, 10)).leads();
      }
      other.rollback();
    }
    List<Lead> afterRelease = await(server.repositories.selection().next(campaign, 10)).leads();

    assertThat(picked).extracting(Lead::e164).containsExactly(free);
    assertThat(afterRelease).extracting(Lead::e164).containsExactly(held);
  }

  @Test
  void aCampaignThatIsNotRunningGivesNoLeads() {
    long campaign =
        server.post("/campaigns", SUPERVISOR, CampaignBodies.progressive()).json().getLong("id");
    importLeads(campaign, mobile());

    Throwable refused =
        await(
            server
                .repositories
                .selection()
                .next(campaign, 10)
                .transform(done -> Future.succeededFuture(done.cause())));

    assertThat(refused)
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            conflict -> assertThat(conflict.code()).isEqualTo(ErrorCode.CONFLICT))
        .hasMessageContaining("is draft");
  }

  private long runningCampaign() {
    long id =
        server.post("/campaigns", SUPERVISOR, CampaignBodies.progressive()).json().getLong("id");
    assertThat(server.post("/campaigns/" + id + "/start", SUPERVISOR, null).status())
        .isEqualTo(200);
    return id;
  }

  private Map<String, Long> importLeads(long campaign, String... numbers) {
    StringBuilder csv = new StringBuilder("phone\n");
    for (String number : numbers) {
      csv.append(number).append('\n');
    }
    JsonObject report =
        server.csv("/campaigns/" + campaign + "/leads/import", SUPERVISOR, csv.toString()).json();
    assertThat(report.getInteger("imported")).as(report.encode()).isEqualTo(numbers.length);
    Map<String, Long> ids = new HashMap<>();
    server
        .get("/campaigns/" + campaign + "/leads?limit=500", ADMIN)
        .json()
        .getJsonArray("items")
        .forEach(
            item ->
                ids.put(((JsonObject) item).getString("phone"), ((JsonObject) item).getLong("id")));
    return ids;
  }

  /**
   * Dials {@code e164} in a second running campaign and records the call as abandoned an hour ago,
   * which locks the number in every campaign.
   */
  private Instant abandonInAnotherCampaign(String e164) {
    long other = runningCampaign();
    importLeads(other, e164);
    Lead lead = await(server.repositories.selection().next(other, 1)).leads().get(0);
    Instant ended = START.minus(Duration.ofHours(1));
    await(
        server
            .repositories
            .attempts()
            .record(
                new FinishedAttempt(
                    lead.id(),
                    ended.minusSeconds(30),
                    ended.minusSeconds(10),
                    ended.minusSeconds(8),
                    ended,
                    AttemptOutcome.ABANDONED,
                    AmdVerdict.HUMAN,
                    "no agent within 2 s",
                    null,
                    "dialer-1")));
    JsonArray attempts =
        server.get("/leads/" + lead.id() + "/attempts", ADMIN).json().getJsonArray("items");
    assertThat(attempts).hasSize(1);
    assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("abandoned");
    assertThat(attempts.getJsonObject(0).getBoolean("abandoned")).isTrue();
    assertThat(attempts.getJsonObject(0).getString("amdVerdict")).isEqualTo("human");
    return ended;
  }

  private JsonArray skips(long leadId) {
    return server.get("/leads/" + leadId + "/skips", ADMIN).json().getJsonArray("items");
  }

  private static String phoneOf(Map<String, Long> leads, long id) {
    return leads.entrySet().stream()
        .filter(entry -> entry.getValue() == id)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }
}
