package io.switchboard.dialer.compliance;

import io.switchboard.dialer.lead.FinalState;
import java.time.Instant;
import java.util.Objects;

/**
 * The compliance check's answer for one lead: it may be dialled now, or it may not, with the
 * reason, a sentence a supervisor can read, and until when (null: never, the lead is finished).
 * Immutable.
 */
public record DialDecision(boolean mayDial, SkipReason reason, String detail, Instant until) {

  private static final DialDecision ALLOWED = new DialDecision(true, null, "", null);

  public static DialDecision allow() {
    return ALLOWED;
  }

  /** Not now; the lead may be tried again at {@code until}. */
  public static DialDecision refusedUntil(SkipReason reason, String detail, Instant until) {
    Objects.requireNonNull(until, "until");
    return new DialDecision(false, reason, detail, until);
  }

  /** Never: the lead is finished. */
  public static DialDecision refusedForGood(SkipReason reason, String detail) {
    return new DialDecision(false, reason, detail, null);
  }

  /** The state a refusal for good finishes the lead in; null when allowed or refused for now. */
  public FinalState finalState() {
    if (mayDial || until != null) {
      return null;
    }
    return switch (reason) {
      case DO_NOT_CALL -> FinalState.DO_NOT_CALL;
      case EXCLUDED -> FinalState.EXCLUDED;
      default -> FinalState.MAX_ATTEMPTS;
    };
  }
}
