package io.switchboard.dialer.lead;

/**
 * How many of a lead's attempts ended with each outcome that leads to a retry (answered calls
 * finish the lead and are not counted here). Immutable.
 */
public record OutcomeCounts(int busy, int noAnswer, int machine, int failed, int abandoned) {

  public static final OutcomeCounts NONE = new OutcomeCounts(0, 0, 0, 0, 0);

  public OutcomeCounts {
    if (busy < 0 || noAnswer < 0 || machine < 0 || failed < 0 || abandoned < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
  }

  /** The count of one outcome (0 for answered). */
  public int of(AttemptOutcome outcome) {
    return switch (outcome) {
      case BUSY -> busy;
      case NO_ANSWER -> noAnswer;
      case MACHINE -> machine;
      case FAILED -> failed;
      case ABANDONED -> abandoned;
      case ANSWERED -> 0;
    };
  }
}
