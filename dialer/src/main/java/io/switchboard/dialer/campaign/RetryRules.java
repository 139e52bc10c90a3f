package io.switchboard.dialer.campaign;

import java.util.Objects;

/** A campaign's retry rule for each outcome that leaves a lead to try again. Immutable. */
public record RetryRules(RetryRule busy, RetryRule noAnswer, RetryRule machine, RetryRule failed) {

  public RetryRules {
    Objects.requireNonNull(busy, "busy");
    Objects.requireNonNull(noAnswer, "noAnswer");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(failed, "failed");
  }
}
