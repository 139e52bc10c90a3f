package io.switchboard.agentws.agent;

import static io.switchboard.agentws.agent.AgentEvents.T0;
import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.ended;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.config.WrapUpPolicy;
import io.switchboard.core.config.WrapUpRule;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent states of click-to-dial calls: on the call from the dial's start, then back or wrap-up.
 */
class AgentStateTrackerDialTest {

  private static final long ALICE = 7;
  private static final String ALICE_PHONE = "PJSIP/1001";

  private final MutableClock clock = new MutableClock(T0);
  private final WrapUpPolicy policy =
      new WrapUpPolicy(
          new WrapUpRule(Duration.ofSeconds(30), true),
          Map.of("vip", new WrapUpRule(Duration.ofSeconds(60), false)));
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

  /** A click-to-dial call ended as the AMI bridge reports it (no queue, no member). */
  private static CallEnded dialEnded(String linkedId, CallOutcome outcome) {
    return new CallEnded(
        "pbx1",
        linkedId,
        "pbx1:" + linkedId,
        CallDirection.OUTBOUND,
        outcome,
        16,
        null,
        "",
        "",
        "+8613800138000",
        null,
        null,
        null,
        "o1",
        T0,
        outcome == CallOutcome.ANSWERED ? T0 : null,
        T0,
        0,
        0,
        0,
        null,
        null,
        false,
        null);
  }

  @Test
  void aClickToDialPutsTheAgentOnTheCallWithoutAQueueThenWrapsUpByTheDefaultRule() {
    login(ALICE, ALICE_PHONE, "vip");
    clock.advance(Duration.ofSeconds(10));

    AgentState dialling = tracker.apply(tracker.planDialStart(ALICE, "swb-o1"));

    assertThat(dialling.status()).isEqualTo(AgentStatus.ON_CALL);
    assertThat(dialling.reason()).isEqualTo(AgentStateTracker.OUTBOUND_REASON);
    assertThat(dialling.linkedId()).isEqualTo("swb-o1");
    assertThat(dialling.callQueue()).isNull();
    assertThat(dialling.since()).isEqualTo(T0.plusSeconds(10));
    // A queue offering the phone meanwhile does not take the agent off its call.
    assertThat(tracker.callOffered(offered("1700000000.9", "vip", ALICE_PHONE))).isEmpty();
    assertRefused(
        () -> tracker.planDialStart(ALICE, "swb-o2"), ErrorCode.CONFLICT, "cannot dial while");
    clock.advance(Duration.ofSeconds(90));

    List<AgentTransition> ended = tracker.callEnded(dialEnded("swb-o1", CallOutcome.ANSWERED));

    // Not the vip queue's 60 s then paused: a call without a queue follows the '*' rule.
    assertThat(ended)
        .extracting(change -> change.after().status())
        .containsExactly(AgentStatus.WRAP_UP);
    assertThat(status(ALICE).wrapUpEndsAt()).isEqualTo(T0.plusSeconds(130));
    assertThat(status(ALICE).reason()).isNull();
    clock.advance(Duration.ofSeconds(30));
    assertThat(tracker.expireWrapUps())
        .extracting(change -> change.after().status())
        .containsExactly(AgentStatus.READY);
  }

  @Test
  void aDialThatDoesNotReachTheAgentReturnsItToItsStateBefore() {
    login(ALICE, ALICE_PHONE, "sales");
    tracker.apply(tracker.planPause(ALICE, "lunch"));
    tracker.apply(tracker.planDialStart(ALICE, "swb-o1"));
    clock.advance(Duration.ofSeconds(30));

    List<AgentTransition> back = tracker.callEnded(dialEnded("swb-o1", CallOutcome.NO_ANSWER));

    assertThat(back).hasSize(1);
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.PAUSED);
    assertThat(status(ALICE).reason()).isEqualTo("lunch");
    assertThat(status(ALICE).since()).isEqualTo(T0.plusSeconds(30));

    tracker.apply(tracker.planReady(ALICE));
    tracker.apply(tracker.planDialStart(ALICE, "swb-o2"));
    assertThat(tracker.dialFailed(ALICE, "swb-other")).isEmpty();
    assertThat(tracker.dialFailed(ALICE, "swb-o2"))
        .extracting(change -> change.after().status())
        .containsExactly(AgentStatus.READY);
    // Told twice (a refusal, then the dial's end): nothing more happens.
    assertThat(tracker.dialFailed(ALICE, "swb-o2")).isEmpty();
  }

  @Test
  void aDialInProgressWhenTheNodeRestartedEndsThroughAWrapUp() {
    login(ALICE, ALICE_PHONE, "sales");
    AgentState dialling = tracker.apply(tracker.planDialStart(ALICE, "swb-o1"));
    AgentStateTracker restarted = new AgentStateTracker(clock, policy, 10);
    restarted.restore(List.of(dialling));

    List<AgentTransition> ended = restarted.callEnded(dialEnded("swb-o1", CallOutcome.NO_ANSWER));

    assertThat(ended)
        .extracting(change -> change.after().status())
        .containsExactly(AgentStatus.WRAP_UP);
  }

  @Test
  void onlyAReadyPausedOrWrappingUpAgentMayDial() {
    assertRefused(
        () -> tracker.planDialStart(ALICE, "swb-o1"), ErrorCode.CONFLICT, "while logged_out");
    login(ALICE, ALICE_PHONE, "sales");
    assertRefused(() -> tracker.planDialStart(ALICE, " "), ErrorCode.BAD_REQUEST, "'linkedId'");
    tracker.callOffered(offered("1700000000.1", "sales", ALICE_PHONE));
    assertRefused(
        () -> tracker.planDialStart(ALICE, "swb-o1"), ErrorCode.CONFLICT, "while ringing");
    tracker.callAnswered(answered("1700000000.1", "sales", ALICE_PHONE));
    tracker.callEnded(ended("1700000000.1", "sales", ALICE_PHONE));

    AgentState fromWrapUp = tracker.apply(tracker.planDialStart(ALICE, "swb-o1"));

    assertThat(fromWrapUp.status()).isEqualTo(AgentStatus.ON_CALL);
    tracker.dialFailed(ALICE, "swb-o1");
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.WRAP_UP);
    assertThat(status(ALICE).linkedId()).isEqualTo("1700000000.1");
  }

  @Test
  void thePbxEchoOfTheDialsPauseOvertakingItsReplyDoesNotSpoilTheStart() {
    login(ALICE, ALICE_PHONE, "sales");
    AgentTransition dial = tracker.planDialStart(ALICE, "swb-o1");

    List<AgentTransition> echo =
        tracker.memberChanged(
            AgentEvents.member("sales", ALICE_PHONE, QueueMemberChange.PAUSED, true, "outbound"));

    assertThat(echo).isEmpty();
    assertThat(tracker.apply(dial).status()).isEqualTo(AgentStatus.ON_CALL);
  }

  @Test
  void aDialGivenUpBeforeItsStartLandedIsRefusedWhenItLands() {
    login(ALICE, ALICE_PHONE, "sales");
    AgentTransition late = tracker.planDialStart(ALICE, "swb-o1");

    assertThat(tracker.dialFailed(ALICE, "swb-o1")).isEmpty();

    assertRefused(() -> tracker.apply(late), ErrorCode.CONFLICT, "was given up");
    assertThat(status(ALICE).status()).isEqualTo(AgentStatus.READY);
    // Only that dial: the next one starts.
    assertThat(tracker.apply(tracker.planDialStart(ALICE, "swb-o2")).status())
        .isEqualTo(AgentStatus.ON_CALL);
  }
}
