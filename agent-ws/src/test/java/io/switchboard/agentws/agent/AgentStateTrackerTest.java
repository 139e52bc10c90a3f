package io.switchboard.agentws.agent;

import static io.switchboard.agentws.agent.AgentEvents.T0;
import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.ended;
import static io.switchboard.agentws.agent.AgentEvents.member;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.config.WrapUpPolicy;
import io.switchboard.core.config.WrapUpRule;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentStateTrackerTest {

  private static final long ALICE = 7;
  private static final long BOB = 8;
  private static final String ALICE_PHONE = "PJSIP/1001";
  private static final String BOB_PHONE = "PJSIP/1002";

  private final MutableClock clock = new MutableClock(T0);
  private final WrapUpPolicy policy =
      new WrapUpPolicy(
          new WrapUpRule(Duration.ofSeconds(30), true),
          Map.of(
              "vip", new WrapUpRule(Duration.ofSeconds(60), false),
              "fast", new WrapUpRule(Duration.ZERO, true)));
  private final AgentStateTracker tracker = new AgentStateTracker(clock, policy, 10);

  private AgentState login(long userId, String phone, String... queues) {
    return tracker.apply(tracker.planLogin(userId, phone, List.of(queues)));
  }

  private AgentState status(long userId) {
    return tracker.current(userId);
  }

  private void assertRefused(Runnable move, ErrorCode code, String text) {
    assertThatThrownBy(move::run)
        .isInstanceOfSatisfying(
            SwitchboardException.class, failure -> assertThat(failure.code()).isEqualTo(code))
        .hasMessageContaining(text);
  }

  private void talkAndHangUp(String linkedId, String queue) {
    tracker.callOffered(offered(linkedId, queue, ALICE_PHONE));
    tracker.callAnswered(answered(linkedId, queue, ALICE_PHONE));
    clock.advance(Duration.ofSeconds(100));
    tracker.callEnded(ended(linkedId, queue, ALICE_PHONE));
  }

  @Test
  void anUnknownUserIsLoggedOutAndLoggingInMakesHimReadyInHisQueues() {
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.LOGGED_OUT);

    AgentState ready = login(ALICE, ALICE_PHONE, "sales", "support", "sales");

    assertThat(ready.status()).isEqualTo(AgentStatus.READY);
    assertThat(ready.queues()).containsExactly("sales", "support");
    assertThat(ready.agentInterface()).isEqualTo(ALICE_PHONE);
    assertThat(ready.since()).isEqualTo(T0);
    assertThat(status(ALICE)).isEqualTo(ready);
  }

  @Test
  void aSecondLoginAndALoginOnSomeoneElsesInterfaceAreRefused() {
    login(ALICE, ALICE_PHONE, "sales");

    assertRefused(
        () -> tracker.planLogin(ALICE, "PJSIP/1009", List.of("sales")),
        ErrorCode.CONFLICT,
        "cannot log in while ready");
    assertRefused(
        () -> tracker.planLogin(BOB, ALICE_PHONE, List.of("sales")),
        ErrorCode.CONFLICT,
        "interface PJSIP/1001 is already logged in by user 7");
  }

  @Test
  void loginsBeyondTheLimitAreRefused() {
    AgentStateTracker small = new AgentStateTracker(clock, policy, 1);
    small.apply(small.planLogin(ALICE, ALICE_PHONE, List.of("sales")));

    assertRefused(
        () -> small.planLogin(BOB, BOB_PHONE, List.of("sales")),
        ErrorCode.RATE_LIMITED,
        "already 1 agents");
  }

  @Test
  void aPlannedMoveIsNotKeptUntilApplied() {
    tracker.planLogin(ALICE, ALICE_PHONE, List.of("sales"));

    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.LOGGED_OUT);
  }

  @Test
  void pauseWithAReasonThenResumeThenChangeTheReason() {
    login(ALICE, ALICE_PHONE, "sales");
    clock.advance(Duration.ofSeconds(5));

    AgentState paused = tracker.apply(tracker.planPause(ALICE, "lunch"));
    assertThat(paused.status()).isEqualTo(AgentStatus.PAUSED);
    assertThat(paused.reason()).isEqualTo("lunch");
    assertThat(paused.since()).isEqualTo(T0.plusSeconds(5));

    AgentState training = tracker.apply(tracker.planPause(ALICE, "training"));
    assertThat(training.reason()).isEqualTo("training");

    AgentState ready = tracker.apply(tracker.planReady(ALICE));
    assertThat(ready.status()).isEqualTo(AgentStatus.READY);
    assertThat(ready.reason()).isNull();
  }

  @Test
  void badPausesAreRefusedWithTheReason() {
    assertRefused(
        () -> tracker.planPause(ALICE, "lunch"),
        ErrorCode.CONFLICT,
        "cannot pause while logged_out");
    login(ALICE, ALICE_PHONE, "sales");
    assertRefused(() -> tracker.planPause(ALICE, " "), ErrorCode.BAD_REQUEST, "reason code");
    assertRefused(
        () -> tracker.planPause(ALICE, "x".repeat(65)), ErrorCode.BAD_REQUEST, "reason code");
    tracker.apply(tracker.planPause(ALICE, "lunch"));
    assertRefused(
        () -> tracker.planPause(ALICE, "lunch"), ErrorCode.CONFLICT, "already paused for lunch");
  }

  @Test
  void readyIsRefusedUnlessPausedOrWrappingUp() {
    assertRefused(() -> tracker.planReady(ALICE), ErrorCode.CONFLICT, "while logged_out");
    login(ALICE, ALICE_PHONE, "sales");
    assertRefused(() -> tracker.planReady(ALICE), ErrorCode.CONFLICT, "while ready");
    tracker.callOffered(offered("L1", "sales", ALICE_PHONE));
    assertRefused(() -> tracker.planReady(ALICE), ErrorCode.CONFLICT, "while ringing");
    assertRefused(() -> tracker.planPause(ALICE, "lunch"), ErrorCode.CONFLICT, "while ringing");
    tracker.callAnswered(answered("L1", "sales", ALICE_PHONE));
    assertRefused(() -> tracker.planReady(ALICE), ErrorCode.CONFLICT, "while on_call");
    assertRefused(() -> tracker.planPause(ALICE, "lunch"), ErrorCode.CONFLICT, "while on_call");
  }

  @Test
  void logoutWorksFromReadyPausedAndWrapUpButNotDuringACall() {
    login(ALICE, ALICE_PHONE, "sales");
    assertThat(tracker.apply(tracker.planLogout(ALICE)).status()).isEqualTo(AgentStatus.LOGGED_OUT);
    assertRefused(() -> tracker.planLogout(ALICE), ErrorCode.CONFLICT, "not logged in");

    login(ALICE, ALICE_PHONE, "sales");
    tracker.apply(tracker.planPause(ALICE, "lunch"));
    assertThat(tracker.apply(tracker.planLogout(ALICE)).status()).isEqualTo(AgentStatus.LOGGED_OUT);

    login(ALICE, ALICE_PHONE, "sales");
    tracker.callOffered(offered("L1", "sales", ALICE_PHONE));
    assertRefused(() -> tracker.planLogout(ALICE), ErrorCode.CONFLICT, "finish the call first");
    tracker.callAnswered(answered("L1", "sales", ALICE_PHONE));
    assertRefused(() -> tracker.planLogout(ALICE), ErrorCode.CONFLICT, "finish the call first");
    tracker.callEnded(ended("L1", "sales", ALICE_PHONE));
    assertThat(tracker.apply(tracker.planLogout(ALICE)).status()).isEqualTo(AgentStatus.LOGGED_OUT);
    // the interface is free again
    assertThat(login(BOB, ALICE_PHONE, "sales").status()).isEqualTo(AgentStatus.READY);
  }

  @Test
  void aMoveIsRefusedWhenTheStateChangedWhileThePbxWasAsked() {
    login(ALICE, ALICE_PHONE, "sales");
    AgentTransition pause = tracker.planPause(ALICE, "lunch");
    tracker.callOffered(offered("L1", "sales", ALICE_PHONE));

    assertRefused(() -> tracker.apply(pause), ErrorCode.CONFLICT, "changed to ringing meanwhile");
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.RINGING);
  }

  @Test
  void aMoveThePbxsOwnEventMadeBeforeItsReplyCountsAsMadeAndAnyOtherMoveDoesNot() {
    login(ALICE, ALICE_PHONE, "sales");
    AgentTransition pause = tracker.planPause(ALICE, "lunch");
    assertThat(tracker.alreadyMade(pause)).isFalse();

    tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.PAUSED, true, "lunch"));

    assertThat(tracker.alreadyMade(pause)).isTrue();
    AgentTransition ready = tracker.planReady(ALICE);
    tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.PAUSED, true, "coffee"));
    assertThat(tracker.alreadyMade(ready)).isFalse();
  }

  @Test
  void aCallRingsThenIsAnsweredThenWrapsUpForTheQueuesTimeThenTheAgentIsReady() {
    login(ALICE, ALICE_PHONE, "sales");

    List<AgentTransition> ring = tracker.callOffered(offered("L1", "sales", ALICE_PHONE));
    assertThat(ring)
        .singleElement()
        .satisfies(t -> assertThat(t.after().linkedId()).isEqualTo("L1"));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.RINGING);
    assertThat(tracker.callOffered(offered("L1", "sales", ALICE_PHONE))).isEmpty();

    clock.advance(Duration.ofSeconds(3));
    tracker.callAnswered(answered("L1", "sales", ALICE_PHONE));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.ON_CALL);
    assertThat(status(ALICE).since()).isEqualTo(T0.plusSeconds(3));
    assertThat(tracker.callOffered(offered("L2", "sales", ALICE_PHONE))).isEmpty();

    clock.advance(Duration.ofSeconds(100));
    List<AgentTransition> end = tracker.callEnded(ended("L1", "sales", ALICE_PHONE));
    AgentState wrapping = status(ALICE);
    assertThat(end).singleElement().satisfies(t -> assertThat(t.callFinished()).isFalse());
    assertThat(wrapping.status()).isEqualTo(AgentStatus.WRAP_UP);
    assertThat(wrapping.wrapUpEndsAt()).isEqualTo(T0.plusSeconds(133));

    clock.advance(Duration.ofSeconds(29));
    assertThat(tracker.expireWrapUps()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    List<AgentTransition> expired = tracker.expireWrapUps();
    assertThat(expired).singleElement().satisfies(t -> assertThat(t.callFinished()).isTrue());
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);
    assertThat(status(ALICE).linkedId()).isNull();
  }

  @Test
  void aQueueThatDoesNotMakeAgentsReadyPausesThemAfterWrapUp() {
    login(ALICE, ALICE_PHONE, "vip");
    talkAndHangUp("L1", "vip");
    clock.advance(Duration.ofSeconds(60));

    tracker.expireWrapUps();

    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.PAUSED);
    assertThat(status(ALICE).reason()).isEqualTo(AgentStateTracker.AFTER_WRAP_UP_REASON);
  }

  @Test
  void aQueueWithoutWrapUpMakesTheAgentReadyAtTheEndOfTheCall() {
    login(ALICE, ALICE_PHONE, "fast");
    talkAndHangUp("L1", "fast");

    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);
  }

  @Test
  void theAgentMayEndTheWrapUpEarlyOrPauseFromIt() {
    login(ALICE, ALICE_PHONE, "sales");
    assertRefused(() -> tracker.planWrapUpDone(ALICE), ErrorCode.CONFLICT, "not wrapping up");
    talkAndHangUp("L1", "sales");
    AgentTransition done = tracker.planWrapUpDone(ALICE);
    assertThat(done.after().status()).isEqualTo(AgentStatus.READY);
    assertThat(done.callFinished()).isTrue();

    tracker.apply(tracker.planPause(ALICE, "coffee"));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.PAUSED);
  }

  @Test
  void whenAnotherAgentAnswersOrTheCallerHangsUpTheRingingAgentsAreReadyAgain() {
    login(ALICE, ALICE_PHONE, "sales");
    login(BOB, BOB_PHONE, "sales");
    tracker.callOffered(offered("L1", "sales", ALICE_PHONE));
    tracker.callOffered(offered("L1", "sales", BOB_PHONE));

    List<AgentTransition> changes = tracker.callAnswered(answered("L1", "sales", BOB_PHONE));

    assertThat(changes).hasSize(2);
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);
    assertThat(status(BOB).status()).isEqualTo(AgentStatus.ON_CALL);

    tracker.callOffered(offered("L2", "sales", ALICE_PHONE));
    tracker.callEnded(ended("L2", "sales", null));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);
  }

  @Test
  void anOfferAtAPausedAgentStillRingsBecauseThePbxRangIt() {
    login(ALICE, ALICE_PHONE, "sales");
    tracker.apply(tracker.planPause(ALICE, "lunch"));

    tracker.callOffered(offered("L1", "sales", ALICE_PHONE));

    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.RINGING);
  }

  @Test
  void eventsForInterfacesNobodyLoggedInWithAreIgnored() {
    assertThat(tracker.callOffered(offered("L1", "sales", "PJSIP/9999"))).isEmpty();
    assertThat(tracker.callAnswered(answered("L1", "sales", "PJSIP/9999"))).isEmpty();
    assertThat(tracker.callEnded(ended("L1", "sales", "PJSIP/9999"))).isEmpty();
    assertThat(
            tracker.memberChanged(
                member("sales", "PJSIP/9999", QueueMemberChange.PAUSED, true, "x")))
        .isEmpty();
  }

  @Test
  void aPbxPauseOrUnpauseMovesTheAgent() {
    login(ALICE, ALICE_PHONE, "sales");

    tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.PAUSED, true, ""));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.PAUSED);
    assertThat(status(ALICE).reason()).isEqualTo(AgentStateTracker.PBX_REASON);

    tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.PAUSED, true, "break"));
    assertThat(status(ALICE).reason()).isEqualTo("break");

    tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.UNPAUSED, false, ""));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);
  }

  @Test
  void aResyncOverridesWhatTheConsoleThought() {
    login(ALICE, ALICE_PHONE, "sales");
    tracker.apply(tracker.planPause(ALICE, "lunch"));
    login(BOB, BOB_PHONE, "sales", "support");

    List<AgentTransition> alice =
        tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.RESYNC, false, ""));
    List<AgentTransition> bob =
        tracker.memberChanged(
            member("sales", BOB_PHONE, QueueMemberChange.RESYNC, true, "supervisor"));

    assertThat(alice).singleElement().satisfies(t -> assertThat(t.statusChanged()).isTrue());
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);
    assertThat(bob).hasSize(1);
    assertThat(status(BOB).status()).isEqualTo(AgentStatus.PAUSED);
    assertThat(status(BOB).reason()).isEqualTo("supervisor");
    assertThat(
            tracker.memberChanged(
                member("sales", BOB_PHONE, QueueMemberChange.RESYNC, true, "supervisor")))
        .isEmpty();
  }

  @Test
  void aMemberTheResyncNoLongerListsLeavesThatQueueAndWithNoQueueLeftIsLoggedOut() {
    login(ALICE, ALICE_PHONE, "sales", "support");

    List<AgentTransition> first =
        tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.REMOVED, false, ""));
    assertThat(first).singleElement().satisfies(t -> assertThat(t.statusChanged()).isFalse());
    assertThat(status(ALICE).queues()).containsExactly("support");
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);

    tracker.memberChanged(member("support", ALICE_PHONE, QueueMemberChange.REMOVED, false, ""));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.LOGGED_OUT);
  }

  @Test
  void aQueueTheAgentWasAddedToOnThePbxJoinsHisQueues() {
    login(ALICE, ALICE_PHONE, "sales");

    tracker.memberChanged(member("billing", ALICE_PHONE, QueueMemberChange.ADDED, false, ""));

    assertThat(status(ALICE).queues()).containsExactly("sales", "billing");
  }

  @Test
  void duringWrapUpOnlyAnExplicitUnpauseOrAResyncMakesTheAgentReady() {
    login(ALICE, ALICE_PHONE, "sales");
    talkAndHangUp("L1", "sales");

    tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.STATUS, false, ""));
    tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.PAUSED, true, "wrap-up"));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.WRAP_UP);

    tracker.memberChanged(member("sales", ALICE_PHONE, QueueMemberChange.UNPAUSED, false, ""));
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);
  }

  @Test
  void restoredStatesAreCurrentAndHoldTheirInterfaces() {
    AgentState paused =
        new AgentState(
            ALICE,
            AgentStatus.PAUSED,
            "lunch",
            ALICE_PHONE,
            List.of("sales"),
            T0,
            null,
            null,
            null);

    tracker.restore(List.of(paused, AgentState.loggedOut(BOB, T0)));

    assertThat(status(ALICE)).isEqualTo(paused);
    assertThat(tracker.loggedIn()).containsExactly(paused);
    assertThat(AgentState.fromJson(paused.toJson())).isEqualTo(paused);
    assertRefused(
        () -> tracker.planLogin(BOB, ALICE_PHONE, List.of("sales")),
        ErrorCode.CONFLICT,
        "already logged in");
  }
}
