package io.switchboard.dialer.compliance;

import io.switchboard.dialer.campaign.RetryRule;
import io.switchboard.dialer.campaign.RetryRules;
import io.switchboard.dialer.lead.AttemptOutcome;
import java.util.Optional;

/**
 * Which of a campaign's retry rules follows an outcome. An abandoned call follows the no-answer
 * rule: the person did not get to speak to anyone. An answered call has none: it finishes the lead.
 * Stateless.
 */
public final class RetryPolicy {

  private RetryPolicy() {}

  /** The rule after {@code outcome}; empty for an answered call. */
  public static Optional<RetryRule> ruleFor(RetryRules rules, AttemptOutcome outcome) {
    return switch (outcome) {
      case BUSY -> Optional.of(rules.busy());
      case NO_ANSWER, ABANDONED -> Optional.of(rules.noAnswer());
      case MACHINE -> Optional.of(rules.machine());
      case FAILED -> Optional.of(rules.failed());
      case ANSWERED -> Optional.empty();
    };
  }
}
