package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadStatus;
import io.switchboard.dialer.lead.OutcomeCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviewOffersTest {

  private static final Instant START = Instant.parse("2025-03-12T06:00:00Z");

  private final StepClock clock = new StepClock();
  private final PreviewOffers offers = new PreviewOffers(clock, Duration.ofSeconds(60), 2);

  @Test
  void aLeadIsShownOnceTheAgentIsPausedAndDialledOnlyByThatAgent() {
    offers.claim(7, "PJSIP/2001", 1);
    PreviewOffers.Offer waiting = offers.picked(7, lead(100), false);
    assertThat(waiting.phase).isEqualTo(PreviewOffers.Phase.PAUSING);

    PreviewOffers.Offer shown = offers.paused(7);
    assertThat(shown.phase).isEqualTo(PreviewOffers.Phase.OFFERED);
    assertThat(shown.expiresAt).isEqualTo(START.plusSeconds(60));

    assertRefused(() -> offers.dial(8, 100, "x"), ErrorCode.FORBIDDEN, "offered to another agent");
    assertRefused(() -> offers.dial(7, 101, "x"), ErrorCode.CONFLICT, "(lead 100)");
    PreviewOffers.Offer dialled = offers.dial(7, 100, "c1-l100-a1");
    assertThat(dialled.phase).isEqualTo(PreviewOffers.Phase.DIALING);
    assertThat(dialled.originateId).isEqualTo("c1-l100-a1");
    assertRefused(() -> offers.dial(7, 100, "x"), ErrorCode.CONFLICT, "being dialled already");
    assertRefused(() -> offers.skip(7, 100), ErrorCode.CONFLICT, "being dialled already");

    assertThat(offers.dialOver(7)).isSameAs(dialled);
    assertThat(offers.of(7)).isNull();
  }

  @Test
  void anAgentWithoutAnOfferIsToldToWait() {
    assertRefused(() -> offers.dial(7, 100, "x"), ErrorCode.CONFLICT, "no lead is offered to you");
    offers.claim(7, "PJSIP/2001", 1);
    assertRefused(() -> offers.skip(7, 100), ErrorCode.CONFLICT, "no lead is offered to you");
  }

  @Test
  void aLeadNotShownYetCannotBeDialled() {
    offers.claim(7, "PJSIP/2001", 1);
    offers.picked(7, lead(100), false);
    assertRefused(() -> offers.dial(7, 100, "x"), ErrorCode.CONFLICT, "not shown yet");
  }

  @Test
  void anAgentAlreadyPausedForPreviewIsShownTheNextLeadAtOnce() {
    offers.claim(7, "PJSIP/2001", 1);
    assertThat(offers.picked(7, lead(100), true).phase).isEqualTo(PreviewOffers.Phase.OFFERED);
  }

  @Test
  void aSkipRemovesTheOfferAndFreesTheAgent() {
    show(7, 100);
    assertThat(offers.skip(7, 100).lead.id()).isEqualTo(100);
    assertThat(offers.of(7)).isNull();
    assertThat(offers.claim(7, "PJSIP/2001", 1)).isNotNull();
  }

  @Test
  void aShownOfferExpiresAfterTheTimeoutAndNotBefore() {
    show(7, 100);
    clock.advance(Duration.ofSeconds(59));
    assertThat(offers.expire()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(offers.expire()).extracting(offer -> offer.lead.id()).containsExactly(100L);
    assertThat(offers.of(7)).isNull();
    assertRefused(() -> offers.dial(7, 100, "x"), ErrorCode.CONFLICT, "no lead is offered");
  }

  @Test
  void aDialledOfferNeverExpires() {
    show(7, 100);
    offers.dial(7, 100, "c1-l100-a1");
    clock.advance(Duration.ofMinutes(5));
    assertThat(offers.expire()).isEmpty();
  }

  @Test
  void aShownOfferIsWithdrawnWhenTheAgentLeavesThePreviewPause() {
    show(7, 100);
    assertThat(offers.agentChanged(7, "paused", PreviewOffers.PAUSE_REASON)).isNull();
    assertThat(offers.agentChanged(7, "paused", "lunch").lead.id()).isEqualTo(100);

    show(8, 101);
    assertThat(offers.agentChanged(8, "logged_out", null)).isNotNull();
    show(8, 102);
    assertThat(offers.agentChanged(8, "ready", null)).isNotNull();
    assertThat(offers.size()).isZero();
  }

  @Test
  void anOfferWaitingForItsPauseIsWithdrawnOnlyAtALogout() {
    offers.claim(7, "PJSIP/2001", 1);
    offers.picked(7, lead(100), false);
    assertThat(offers.agentChanged(7, "ready", null)).isNull();
    assertThat(offers.agentChanged(7, "logged_out", null)).isNotNull();
  }

  @Test
  void aDialledOfferStaysWhateverTheAgentDoes() {
    show(7, 100);
    offers.dial(7, 100, "c1-l100-a1");
    assertThat(offers.agentChanged(7, "on_call", null)).isNull();
    assertThat(offers.of(7).phase).isEqualTo(PreviewOffers.Phase.DIALING);
  }

  @Test
  void anAgentHoldsOneOfferAndTheOffersAreBounded() {
    assertThat(offers.claim(7, "PJSIP/2001", 1)).isNotNull();
    assertThat(offers.claim(7, "PJSIP/2001", 2)).isNull();
    assertThat(offers.claim(8, "PJSIP/2002", 1)).isNotNull();
    assertThat(offers.claim(9, "PJSIP/2003", 1)).as("at most 2 offers").isNull();
    offers.drop(7);
    assertThat(offers.claim(9, "PJSIP/2003", 1)).isNotNull();
    assertThat(offers.ofCampaign(1)).hasSize(2);
  }

  private void show(long agent, long leadId) {
    offers.claim(agent, "PJSIP/" + agent, 1);
    offers.picked(agent, lead(leadId), true);
  }

  private static void assertRefused(Runnable action, ErrorCode code, String words) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            SwitchboardException.class, refused -> assertThat(refused.code()).isEqualTo(code))
        .hasMessageContaining(words);
  }

  private static Lead lead(long id) {
    return new Lead(
        id,
        1,
        1,
        "+8613900000" + id,
        "Lead " + id,
        null,
        Optional.of(ZoneId.of("Asia/Shanghai")),
        null,
        LeadStatus.DIALING,
        null,
        0,
        OutcomeCounts.NONE,
        null,
        null,
        START,
        false,
        START);
  }

  /** A clock the test moves. */
  private static final class StepClock extends Clock {
    private Instant now = START;

    void advance(Duration by) {
      now = now.plus(by);
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
      return this;
    }
  }
}
