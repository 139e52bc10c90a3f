package io.switchboard.dialer.compliance;

import io.switchboard.dialer.campaign.CampaignSettings;
import io.switchboard.dialer.campaign.RetryRule;
import io.switchboard.dialer.lead.AmdVerdict;
import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinalState;
import io.switchboard.dialer.lead.Lead;
import io.switchboard.dialer.lead.LeadStatus;
import io.switchboard.dialer.lead.OutcomeCounts;
import io.switchboard.dialer.pacing.AbandonAccounting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a finished attempt does to its lead and number: the re-call locks it leaves, the lead's new
 * counts, and whether the lead is finished or when it may be tried again. Pure; stateless.
 */
public final class AttemptFollowUp {

  private AttemptFollowUp() {}

  /**
   * The lead after an attempt.
   *
   * @param status ready again, or done
   * @param finalState why it is done; null when ready
   * @param nextAttemptAt the earliest next attempt (retry delay and locks both passed)
   * @param locks the re-call locks the attempt leaves on the number
   */
  public record LeadUpdate(
      LeadStatus status,
      FinalState finalState,
      int attempts,
      OutcomeCounts outcomes,
      Instant nextAttemptAt,
      List<RecallLock> locks) {}

  /**
   * The re-call locks an attempt leaves. An abandoned call locks its number for 72 h under both
   * accountings (Ofcom's rule; in the US it spares the person who was just dropped); an AMD machine
   * verdict locks it for 24 h under UK accounting only.
   */
  public static List<RecallLock> locksAfter(
      AttemptOutcome outcome, AmdVerdict verdict, AbandonAccounting accounting, Instant endedAt) {
    List<RecallLock> locks = new ArrayList<>();
    if (outcome == AttemptOutcome.ABANDONED) {
      locks.add(RecallLock.of(RecallLockKind.ABANDONED, endedAt));
    }
    if (verdict == AmdVerdict.MACHINE && accounting == AbandonAccounting.UK) {
      locks.add(RecallLock.of(RecallLockKind.AMD_MACHINE, endedAt));
    }
    return locks;
  }

  /** The lead after an attempt that ended at {@code endedAt} with {@code outcome}. */
  public static LeadUpdate after(
      CampaignSettings campaign,
      Lead lead,
      AttemptOutcome outcome,
      AmdVerdict verdict,
      Instant endedAt) {
    List<RecallLock> locks = locksAfter(outcome, verdict, campaign.accounting(), endedAt);
    int attempts = lead.attempts() + 1;
    OutcomeCounts counts = counted(lead.outcomes(), outcome);
    Optional<RetryRule> rule = RetryPolicy.ruleFor(campaign.retryRules(), outcome);
    if (rule.isEmpty()) {
      return new LeadUpdate(
          LeadStatus.DONE, FinalState.CONTACTED, attempts, counts, endedAt, locks);
    }
    if (attempts >= campaign.maxAttempts() || counts.of(outcome) >= rule.get().maxAttempts()) {
      return new LeadUpdate(
          LeadStatus.DONE, FinalState.MAX_ATTEMPTS, attempts, counts, endedAt, locks);
    }
    Instant next = endedAt.plus(rule.get().delay());
    for (RecallLock lock : locks) {
      if (lock.lockedUntil().isAfter(next)) {
        next = lock.lockedUntil();
      }
    }
    return new LeadUpdate(LeadStatus.READY, null, attempts, counts, next, locks);
  }

  private static OutcomeCounts counted(OutcomeCounts counts, AttemptOutcome outcome) {
    return new OutcomeCounts(
        counts.busy() + (outcome == AttemptOutcome.BUSY ? 1 : 0),
        counts.noAnswer() + (outcome == AttemptOutcome.NO_ANSWER ? 1 : 0),
        counts.machine() + (outcome == AttemptOutcome.MACHINE ? 1 : 0),
        counts.failed() + (outcome == AttemptOutcome.FAILED ? 1 : 0),
        counts.abandoned() + (outcome == AttemptOutcome.ABANDONED ? 1 : 0));
  }
}
