package io.switchboard.dialer.compliance;

import static io.switchboard.dialer.compliance.ComplianceFixtures.WEDNESDAY_1400_UTC;
import static io.switchboard.dialer.compliance.ComplianceFixtures.afterAttempts;
import static io.switchboard.dialer.compliance.ComplianceFixtures.campaign;
import static io.switchboard.dialer.compliance.ComplianceFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.lead.AmdVerdict;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinalState;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadStatus;
import io.switchboard.dialer.lead.OutcomeCounts;
import io.switchboard.dialer.pacing.AbandonAccounting;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptFollowUpTest {

  private final CampaignSettings uk = campaign(AbandonAccounting.UK);
  private final Lead fresh = lead("+447911123456", null);

  @Test
  void aBusyLeadIsTriedAgainAfterTheBusyDelay() {
    AttemptFollowUp.LeadUpdate update =
        AttemptFollowUp.after(uk, fresh, AttemptOutcome.BUSY, null, WEDNESDAY_1400_UTC);

    assertThat(update.status()).isEqualTo(LeadStatus.READY);
    assertThat(update.attempts()).isEqualTo(1);
    assertThat(update.outcomes().busy()).isEqualTo(1);
    assertThat(update.nextAttemptAt()).isEqualTo(WEDNESDAY_1400_UTC.plus(Duration.ofMinutes(10)));
    assertThat(update.locks()).isEmpty();
  }

  @Test
  void anAbandonedLeadWaitsForItsLockNotJustTheRetryDelay() {
    AttemptFollowUp.LeadUpdate update =
        AttemptFollowUp.after(
            uk, fresh, AttemptOutcome.ABANDONED, AmdVerdict.HUMAN, WEDNESDAY_1400_UTC);

    assertThat(update.nextAttemptAt()).isEqualTo(WEDNESDAY_1400_UTC.plus(Duration.ofHours(72)));
    assertThat(update.locks())
        .extracting(RecallLock::kind)
        .containsExactly(RecallLockKind.ABANDONED);
  }

  @Test
  void anAnsweredCallFinishesTheLeadAsContacted() {
    AttemptFollowUp.LeadUpdate update =
        AttemptFollowUp.after(
            uk, fresh, AttemptOutcome.ANSWERED, AmdVerdict.HUMAN, WEDNESDAY_1400_UTC);

    assertThat(update.status()).isEqualTo(LeadStatus.DONE);
    assertThat(update.finalState()).isEqualTo(FinalState.CONTACTED);
  }

  @Test
  void theLastAllowedBusyAttemptFinishesTheLead() {
    Lead twiceBusy =
        afterAttempts(
            fresh, 2, new OutcomeCounts(2, 0, 0, 0, 0), AttemptOutcome.BUSY, WEDNESDAY_1400_UTC);

    AttemptFollowUp.LeadUpdate update =
        AttemptFollowUp.after(
            uk, twiceBusy, AttemptOutcome.BUSY, null, WEDNESDAY_1400_UTC.plusSeconds(900));

    assertThat(update.status()).isEqualTo(LeadStatus.DONE);
    assertThat(update.finalState()).isEqualTo(FinalState.MAX_ATTEMPTS);
    assertThat(update.outcomes().busy()).isEqualTo(3);
  }
}
