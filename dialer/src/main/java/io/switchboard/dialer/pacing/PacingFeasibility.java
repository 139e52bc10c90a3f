package io.switchboard.dialer.pacing;

import java.util.Locale;

/**
 * Whether predictive pacing can meet the abandon limit at all, and the drop budget left for pacing:
 * under UK accounting AMD false positives spend the budget before the pacer drops anything.
 * Immutable.
 *
 * @param feasible whether predictive mode may run
 * @param pacingBudget the abandon rate left for pacing drops
 * @param reason why not, or a one-line summary when feasible
 */
public record PacingFeasibility(boolean feasible, double pacingBudget, String reason) {

  /** Below this budget the pacer cannot keep a day under the limit with any margin. */
  public static final double MINIMUM_BUDGET = 0.005;

  /** Checks the settings. */
  public static PacingFeasibility check(PredictiveSettings settings) {
    boolean fpCounts = settings.amdEnabled() && settings.accounting() == AbandonAccounting.UK;
    double falsePositives = fpCounts ? settings.amdFalsePositiveEstimate() : 0.0;
    double budget = settings.abandonLimit() - falsePositives;
    if (budget < MINIMUM_BUDGET) {
      return new PacingFeasibility(
          false,
          budget,
          String.format(
              Locale.ROOT,
              "predictive mode refused: under %s accounting the AMD false-positive estimate of"
                  + " %.1f%% leaves %.1f%% of the %.1f%% abandon limit for pacing (needs at least"
                  + " %.1f%%); improve or turn off AMD, or dial progressive",
              settings.accounting(),
              100 * falsePositives,
              100 * budget,
              100 * settings.abandonLimit(),
              100 * MINIMUM_BUDGET));
    }
    return new PacingFeasibility(
        true,
        budget,
        String.format(
            Locale.ROOT,
            "%.2f%% of the %.1f%% limit left for pacing",
            100 * budget,
            100 * settings.abandonLimit()));
  }
}
