package io.switchboard.agentws.wallboard;

import static io.switchboard.agentws.wallboard.WallboardEvents.abandoned;
import static io.switchboard.agentws.wallboard.WallboardEvents.agent;
import static io.switchboard.agentws.wallboard.WallboardEvents.answered;
import static io.switchboard.agentws.wallboard.WallboardEvents.attendedTransfer;
import static io.switchboard.agentws.wallboard.WallboardEvents.created;
import static io.switchboard.agentws.wallboard.WallboardEvents.endedAnswered;
import static io.switchboard.agentws.wallboard.WallboardEvents.offered;
import static io.switchboard.agentws.wallboard.WallboardEvents.onCall;
import static io.switchboard.agentws.wallboard.WallboardEvents.queued;
import static io.switchboard.agentws.wallboard.WallboardEvents.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.agentws.agent.MutableClock;
import io.switchboard.agentws.persistence.QueueDayTotals;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.CallTransferred;
import io.switchboard.core.call.QueueCallerChange;
import io.switchboard.core.call.TransferKind;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WallboardCalculatorTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final String ALICE_PHONE = "PJSIP/1001";
  private static final String BOB_PHONE = "PJSIP/1002";

  private final MutableClock clock = new MutableClock(T0);
  private final WallboardCalculator board =
      new WallboardCalculator(clock, 20, WallboardLimits.DEFAULTS);

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private JsonObject data() {
    return board.data(userId -> userId == 7 ? "alice" : null);
  }

  private JsonObject queue(String name) {
    return data().getJsonArray("queues").stream()
        .map(JsonObject.class::cast)
        .filter(queue -> queue.getString("queue").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no queue " + name + " in " + data()));
  }

  private JsonObject agentRow(long userId) {
    return data().getJsonArray("agents").stream()
        .map(JsonObject.class::cast)
        .filter(agent -> agent.getLong("userId") == userId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no agent " + userId + " in " + data()));
  }

  @Test
  void waitingCallersAndTheLongestWaitFollowTheQueuesCallerEvents() {
    assertThat(board.queueCaller(waiting("sales", "u1", QueueCallerChange.JOINED, at(0), 0)))
        .isTrue();
    // Found waiting at a resync: it joined 40 s before it was seen.
    board.queueCaller(waiting("sales", "u2", QueueCallerChange.JOINED, at(10), 40_000));
    board.queueCaller(waiting("sales", "u3", QueueCallerChange.JOINED, at(20), 0));
    board.queueCaller(waiting("support", "u4", QueueCallerChange.JOINED, at(25), 0));
    clock.advance(Duration.ofSeconds(30));

    assertThat(queue("sales").getInteger("waiting")).isEqualTo(3);
    assertThat(queue("sales").getLong("longestWaitMs")).isEqualTo(60_000);
    assertThat(queue("support").getLong("longestWaitMs")).isEqualTo(5_000);

    // The same caller listed again by a resync changes nothing.
    assertThat(board.queueCaller(waiting("sales", "u2", QueueCallerChange.JOINED, at(30), 50_000)))
        .isFalse();
    assertThat(board.queueCaller(waiting("sales", "u2", QueueCallerChange.LEFT, at(30), 50_000)))
        .isTrue();
    board.queueCaller(waiting("sales", "u1", QueueCallerChange.ABANDONED, at(30), 30_000));

    assertThat(queue("sales").getInteger("waiting")).isEqualTo(1);
    assertThat(queue("sales").getLong("longestWaitMs")).isEqualTo(10_000);
    board.queueCaller(waiting("sales", "u3", QueueCallerChange.LEFT, at(30), 10_000));
    assertThat(queue("sales").getInteger("waiting")).isZero();
    assertThat(queue("sales").getLong("longestWaitMs")).isZero();
  }

  @Test
  void serviceLevelIsAnswersWithinTheThresholdOverAnswersAndLateAbandons() {
    answerAndEnd("c1", 5_000, 60_000, 0);
    answerAndEnd("c2", 20_000, 60_000, 0);
    answerAndEnd("c3", 30_000, 60_000, 0);
    // A short abandon (within the threshold) does not count against the service level.
    board.callEnded(abandoned("c4", "sales", at(100), 10_000));
    board.callEnded(abandoned("c5", "sales", at(100), 25_000));

    JsonObject sales = queue("sales");
    assertThat(sales.getLong("answeredToday")).isEqualTo(3);
    assertThat(sales.getLong("abandonedToday")).isEqualTo(2);
    assertThat(sales.getDouble("serviceLevelPct")).isEqualTo(50.0);
    assertThat(sales.getLong("asaMs")).isEqualTo((5_000 + 20_000 + 30_000) / 3);
    assertThat(data().getInteger("serviceLevelSeconds")).isEqualTo(20);
  }

  @Test
  void handleTimeIsTalkPlusHoldOfAnsweredCallsThatEndedAndEachCallCountsOnce() {
    board.callQueued(queued("c1", "sales", at(0)));
    board.callAnswered(answered("c1", "sales", ALICE_PHONE, at(10), 10_000));
    assertThat(queue("sales").getLong("answeredToday")).isEqualTo(1);
    assertThat(queue("sales").getValue("ahtMs")).as("no call ended yet").isNull();

    board.callEnded(
        endedAnswered("c1", "sales", ALICE_PHONE, at(10), at(80), 10_000, 60_000, 10_000));
    // Its answer was only seen at its end (it began before the node started).
    board.callEnded(endedAnswered("c2", "sales", BOB_PHONE, at(20), at(140), 4_000, 120_000, 0));

    JsonObject sales = queue("sales");
    assertThat(sales.getLong("answeredToday")).isEqualTo(2);
    assertThat(sales.getLong("ahtMs")).isEqualTo((70_000 + 120_000) / 2);
    assertThat(sales.getLong("asaMs")).isEqualTo(7_000);
    assertThat(sales.getDouble("serviceLevelPct")).isEqualTo(100.0);
  }

  @Test
  void aQueueWithoutCallsShowsNoRatesAndOtherOutcomesAreNotCounted() {
    board.callEnded(
        WallboardEvents.ended(
            "c1", "sales", null, CallOutcome.NO_ANSWER, null, at(5), 0, 0, 0, null));
    // A consultation call joined into another call has no call log of its own.
    board.callEnded(
        WallboardEvents.ended(
            "c2", "sales", null, CallOutcome.ABANDONED, null, at(5), 30_000, 0, 0, "call-c9"));

    JsonObject sales = queue("sales");
    assertThat(sales.getLong("answeredToday")).isZero();
    assertThat(sales.getLong("abandonedToday")).isZero();
    assertThat(sales.getValue("serviceLevelPct")).isNull();
    assertThat(sales.getValue("asaMs")).isNull();
    assertThat(sales.getValue("ahtMs")).isNull();
  }

  @Test
  void theLiveCallsListShowsWaitingRingingAndTalkingCallsWithTheirAgent() {
    board.agentChanged(agent(7, AgentStatus.READY, ALICE_PHONE, List.of("sales"), at(0)));
    assertThat(board.callCreated(created("c1", at(0)))).as("not listed yet").isFalse();
    board.callQueued(queued("c1", "sales", at(1)));
    board.callQueued(queued("c2", "sales", at(2)));
    assertThat(data().getJsonArray("calls")).hasSize(2);

    board.callOffered(offered("c1", "sales", ALICE_PHONE, at(5)));
    JsonObject ringing = data().getJsonArray("calls").getJsonObject(1);
    assertThat(ringing.getString("state")).isEqualTo("ringing");
    assertThat(ringing.getLong("agentUserId")).isEqualTo(7);

    board.callAnswered(answered("c1", "sales", ALICE_PHONE, at(8), 7_000));
    board.agentChanged(onCall(7, ALICE_PHONE, List.of("sales"), at(8), "c1"));
    JsonObject data = data();
    assertThat(data.getInteger("callsTotal")).isEqualTo(2);
    JsonObject waitingCall = data.getJsonArray("calls").getJsonObject(0);
    assertThat(waitingCall.getString("state")).isEqualTo("queued");
    assertThat(waitingCall.getString("linkedId")).isEqualTo("c2");
    assertThat(waitingCall.getValue("agentUserId")).isNull();
    JsonObject talking = data.getJsonArray("calls").getJsonObject(1);
    assertThat(talking.fieldNames())
        .containsExactly(
            "serverId",
            "linkedId",
            "queue",
            "callerNumber",
            "state",
            "since",
            "agentUserId",
            "agentInterface");
    assertThat(talking.getString("state")).isEqualTo("talking");
    assertThat(talking.getString("since")).isEqualTo(at(8).toString());
    assertThat(talking.getString("agentInterface")).isEqualTo(ALICE_PHONE);
    assertThat(talking.getString("callerNumber")).isEqualTo(WallboardEvents.caller("c1"));

    JsonObject alice = agentRow(7);
    assertThat(alice.fieldNames())
        .containsExactly(
            "userId",
            "username",
            "state",
            "reason",
            "since",
            "interface",
            "queues",
            "linkedId",
            "callerNumber",
            "handledToday");
    assertThat(alice.getString("username")).isEqualTo("alice");
    assertThat(alice.getString("state")).isEqualTo("on_call");
    assertThat(alice.getString("linkedId")).isEqualTo("c1");
    assertThat(alice.getString("callerNumber")).isEqualTo(WallboardEvents.caller("c1"));
    assertThat(alice.getLong("handledToday")).isEqualTo(1);

    assertThat(
            board.callEnded(
                endedAnswered("c1", "sales", ALICE_PHONE, at(8), at(60), 7_000, 52_000, 0)))
        .isTrue();
    assertThat(data().getJsonArray("calls")).hasSize(1);
  }

  @Test
  void aTransferKeepsTheCallUnderItsNewLinkedIdAndDropsTheJoinedConsultationCall() {
    board.callAnswered(answered("c1", "sales", ALICE_PHONE, at(0), 1_000));
    board.callAnswered(answered("c2", null, BOB_PHONE, at(5), 0));
    assertThat(board.callTransferred(attendedTransfer("c1", "c2", at(9)))).isTrue();

    assertThat(data().getJsonArray("calls")).hasSize(1);
    assertThat(
            board.callTransferred(
                new CallTransferred(
                    WallboardEvents.SERVER,
                    "c1-new",
                    "call-c1",
                    TransferKind.BLIND,
                    "PJSIP/1001-1",
                    "2000@agents",
                    true,
                    null,
                    at(10))))
        .isTrue();
    assertThat(data().getJsonArray("calls").getJsonObject(0).getString("linkedId"))
        .isEqualTo("c1-new");
  }

  @Test
  void agentsAreCountedPerQueueAsReadyBusyOrPaused() {
    board.agentChanged(agent(1, AgentStatus.READY, "PJSIP/1", List.of("sales", "support"), at(0)));
    board.agentChanged(agent(2, AgentStatus.READY, "PJSIP/2", List.of("sales"), at(0)));
    board.agentChanged(agent(3, AgentStatus.RINGING, "PJSIP/3", List.of("sales"), at(0)));
    board.agentChanged(agent(4, AgentStatus.WRAP_UP, "PJSIP/4", List.of("support"), at(0)));
    board.agentChanged(agent(5, AgentStatus.PAUSED, "PJSIP/5", List.of("sales"), at(0)));
    board.agentChanged(onCall(6, "PJSIP/6", List.of("sales"), at(0), "c1"));

    JsonObject sales = queue("sales");
    assertThat(sales.getInteger("agentsReady")).isEqualTo(2);
    assertThat(sales.getInteger("agentsOnCall")).isEqualTo(2);
    assertThat(sales.getInteger("agentsPaused")).isEqualTo(1);
    assertThat(queue("support").getInteger("agentsReady")).isEqualTo(1);
    assertThat(queue("support").getInteger("agentsOnCall")).isEqualTo(1);
    assertThat(agentRow(5).getString("reason")).isEqualTo("lunch");

    assertThat(board.agentChanged(agent(2, AgentStatus.LOGGED_OUT, null, List.of(), at(9))))
        .isTrue();
    assertThat(queue("sales").getInteger("agentsReady")).isEqualTo(1);
    assertThat(data().getJsonArray("agents")).hasSize(5);
  }

  @Test
  void anAgentsCallsTodayCountEveryCallItTook() {
    board.agentChanged(agent(7, AgentStatus.READY, ALICE_PHONE, List.of("sales"), at(0)));
    board.agentChanged(onCall(7, ALICE_PHONE, List.of("sales"), at(10), "c1"));
    // A change that keeps it on the same call is not another call.
    board.agentChanged(onCall(7, ALICE_PHONE, List.of("sales", "vip"), at(10), "c1"));
    board.agentChanged(agent(7, AgentStatus.WRAP_UP, ALICE_PHONE, List.of("sales"), at(70)));
    board.agentChanged(agent(7, AgentStatus.READY, ALICE_PHONE, List.of("sales"), at(100)));
    board.agentChanged(onCall(7, ALICE_PHONE, List.of("sales"), at(120), "c2"));

    assertThat(agentRow(7).getLong("handledToday")).isEqualTo(2);
  }

  @Test
  void atMidnightTheDayCountersStartAgainAndYesterdaysEndsAreNotCounted() {
    answerAndEnd("c1", 5_000, 60_000, 0);
    board.agentChanged(onCall(7, ALICE_PHONE, List.of("sales"), at(0), "c1"));
    assertThat(board.rollOver()).isFalse();

    clock.advance(Duration.ofHours(15)); // 2026-11-24T00:00:00Z
    board.callAnswered(answered("late", "sales", ALICE_PHONE, at(-60), 1_000));
    assertThat(board.rollOver()).isTrue();
    assertThat(board.dayStart()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));

    JsonObject sales = queue("sales");
    assertThat(sales.getLong("answeredToday")).isZero();
    assertThat(sales.getValue("serviceLevelPct")).isNull();
    assertThat(agentRow(7).getLong("handledToday")).isZero();
    // A call that ended before midnight, reported after it, belongs to yesterday.
    board.callEnded(abandoned("c9", "sales", Instant.parse("2026-11-23T23:59:59Z"), 30_000));
    assertThat(queue("sales").getLong("abandonedToday")).isZero();
    // The call answered yesterday and ending today: handled today, its answer was yesterday's.
    board.callEnded(
        endedAnswered(
            "late",
            "sales",
            ALICE_PHONE,
            at(-60),
            Instant.parse("2026-11-24T00:01:00Z"),
            1_000,
            120_000,
            0));
    assertThat(queue("sales").getLong("answeredToday")).isZero();
    assertThat(queue("sales").getLong("ahtMs")).isEqualTo(120_000);
  }

  @Test
  void todayIsTheLocalDayOfTheClocksZone() {
    Clock shanghai = Clock.fixed(Instant.parse("2026-11-23T17:00:00Z"), ZoneId.of("Asia/Shanghai"));
    WallboardCalculator there = new WallboardCalculator(shanghai, 20, WallboardLimits.DEFAULTS);
    assertThat(there.dayStart()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
  }

  @Test
  void aRestartStartsFromTheCallLogsAndDoesNotCountCallsEndedBeforeTheCutoffTwice() {
    Instant cutoff = at(0);
    board.countLiveFrom(cutoff);
    // An event of a call the call logs already hold, delivered just after the start.
    board.callEnded(abandoned("old", "sales", at(-1), 40_000));
    boolean kept =
        board.seed(
            board.dayStart(),
            List.of(new QueueDayTotals("sales", 10, 8, 100_000, 3, 2, 9, 900_000)),
            Map.of(7L, 4L));
    assertThat(kept).isTrue();
    board.agentChanged(onCall(7, ALICE_PHONE, List.of("sales"), at(-2), "before"));
    board.agentChanged(agent(7, AgentStatus.WRAP_UP, ALICE_PHONE, List.of("sales"), at(5)));
    board.agentChanged(onCall(7, ALICE_PHONE, List.of("sales"), at(10), "after"));
    answerAndEnd("new", 30_000, 50_000, 0);

    JsonObject sales = queue("sales");
    assertThat(sales.getLong("answeredToday")).isEqualTo(11);
    assertThat(sales.getLong("abandonedToday")).isEqualTo(3);
    assertThat(sales.getDouble("serviceLevelPct")).isEqualTo(Math.round(8000.0 / 13) / 10.0);
    assertThat(sales.getLong("asaMs")).isEqualTo(130_000 / 11);
    assertThat(sales.getLong("ahtMs")).isEqualTo(950_000 / 10);
    assertThat(agentRow(7).getLong("handledToday")).isEqualTo(5);

    assertThat(board.seed(board.dayStart().minus(Duration.ofDays(1)), List.of(), Map.of(7L, 9L)))
        .as("a seed of another day")
        .isFalse();
    assertThat(agentRow(7).getLong("handledToday")).isEqualTo(5);
  }

  @Test
  void beyondItsLimitsTheBoardRefusesNewEntriesAndListsAtMostTheConfiguredCalls() {
    WallboardCalculator small =
        new WallboardCalculator(clock, 20, new WallboardLimits(3, 1, 1, 2, 2, 10));
    small.callQueued(queued("c1", "sales", at(1)));
    small.callQueued(queued("c2", "sales", at(2)));
    small.callQueued(queued("c3", "support", at(3)));
    assertThat(small.callQueued(queued("c4", "sales", at(4)))).isFalse();
    assertThat(small.queueMember(WallboardEvents.member("third"))).isFalse();
    assertThat(small.queueCaller(waiting("sales", "u1", QueueCallerChange.JOINED, at(0), 0)))
        .isTrue();
    assertThat(small.queueCaller(waiting("sales", "u2", QueueCallerChange.JOINED, at(0), 0)))
        .isFalse();
    small.agentChanged(agent(1, AgentStatus.READY, "PJSIP/1", List.of("sales"), at(0)));
    assertThat(small.agentChanged(agent(2, AgentStatus.READY, "PJSIP/2", List.of("sales"), at(0))))
        .isFalse();

    JsonObject data = small.data(id -> null);
    assertThat(data.getInteger("callsTotal")).isEqualTo(3);
    assertThat(data.getJsonArray("calls")).hasSize(2);
    assertThat(data.getJsonArray("calls").getJsonObject(0).getString("linkedId")).isEqualTo("c1");
    assertThat(data.getJsonArray("queues")).hasSize(2);
    assertThat(data.getJsonArray("agents")).hasSize(1);
  }

  @Test
  void aServiceLevelThresholdOutsideOneSecondToOneHourIsRefused() {
    assertThatThrownBy(() -> new WallboardCalculator(clock, 0, WallboardLimits.DEFAULTS))
        .hasMessageContaining("1 to 3600 seconds, got 0");
  }

  private void answerAndEnd(String linkedId, long waitMs, long talkMs, long holdMs) {
    board.callQueued(queued(linkedId, "sales", at(1)));
    board.callAnswered(answered(linkedId, "sales", ALICE_PHONE, at(2), waitMs));
    board.callEnded(
        endedAnswered(linkedId, "sales", ALICE_PHONE, at(2), at(3), waitMs, talkMs, holdMs));
  }
}
